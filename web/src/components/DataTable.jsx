// A table of figures: a caption (read by screen readers), column headings, the first cell of
// each row its heading and the rest right-aligned numbers. The text equivalent beside a chart.

export function DataTable({ caption, columns, rows, testid }) {
  return (
    <table class="grid compact" data-testid={testid}>
      <caption class="sr-only-caption">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col">{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{r[0]}</th>
            {r.slice(1).map((v) => (
              <td class="num">{v}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
