// A search hit's snippet with the words found marked (<mark>), from the API's «…» marks; the
// text is rendered as text, never as markup.
import { snippetParts } from './format.js';

export function Snippet({ text }) {
  return (
    <span class="corpus-snippet">
      {snippetParts(text).map((p) => (p.mark ? <mark class="hit">{p.text}</mark> : p.text))}
    </span>
  );
}
