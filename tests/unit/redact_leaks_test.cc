// The leaks issue 15 found in the redacted letters, each in more than one sentence shape, and
// the clinical words that look like names and must stay.
#include <gtest/gtest.h>

#include "service/redact.h"
#include "service/redact_lexicon.h"

namespace imr {
namespace {

const RedactionLexicon& lex() { return *RedactionLexicon::shared(std::string(IMR_SOURCE_DIR) + "/data"); }

KnownIdentifiers worker(const std::string& name) {
  KnownIdentifiers k;
  k.person_names = {name};
  return k;
}

std::string redact(std::string_view text, const KnownIdentifiers& k = {}) {
  return redact_for_publication(text, k, lex()).text;
}

TEST(RedactLeaksTest, WorkerFirstNameThatIsAWord) {
  const auto grace = worker("Grace L. Marsh");
  EXPECT_EQ(redact("Grace reports pain of 6/10.", grace), "[name] reports pain of 6/10.");
  EXPECT_EQ(redact("Seen today with Grace, who drove herself.", grace), "Seen today with [name], who drove herself.");
  EXPECT_EQ(redact("The plan was explained to Grace.", grace), "The plan was explained to [name].");
  const auto hope = worker("Hope Nakamura-Baines");
  EXPECT_EQ(redact("Hope cannot sleep more than 4 hours.", hope), "[name] cannot sleep more than 4 hours.");
  EXPECT_EQ(redact("CBT with Hope continues; Nakamura-Baines, Hope signed.", hope),
            "CBT with [name] continues; [name] signed.");
}

TEST(RedactLeaksTest, NicknamesOfTheListedName) {
  const auto william = worker("William R. Hand");
  EXPECT_EQ(redact("Will says he cannot grip a snip.", william), "[name] says he cannot grip a snip.");
  EXPECT_EQ(redact("Sheet metal worker (goes by Bill). Bill had questions.", william),
            "Sheet metal worker (goes by [name]). [name] had questions.");
  EXPECT_EQ(redact("Patient: HAND, WILLIAM R. Mr. Hand is right-handed.", william),
            "Patient: [name]. Mr. [name] is right-handed.");
  // A nickname in quotes after the name, not in the table.
  EXPECT_EQ(redact("Deshawn M. Hill (\"Shawn\") works nights. Shawn lifts bins.", worker("Deshawn M. Hill")),
            "[name] (\"[name]\") works nights. [name] lifts bins.");
}

TEST(RedactLeaksTest, RelativesByFirstNameAndFullName) {
  EXPECT_EQ(redact("He attended with Janice, who helps with dressing."),
            "He attended with [name], who helps with dressing.");
  EXPECT_EQ(redact("His son Daniel drives him to therapy."), "His son [name] drives him to therapy.");
  EXPECT_EQ(redact("Her sister, Marisol de la Cruz, takes her to visits."),
            "Her sister, [name], takes her to visits.");
  // The whole name goes, not only the surname the worker shares.
  const auto bone = worker("Mark A. Bone");
  EXPECT_EQ(redact("He walks daily with his wife, Sheree Bone, in the evening.", bone),
            "He walks daily with his wife, [name], in the evening.");
  EXPECT_EQ(redact("Daniel Bone, his son, attended.", bone), "[name], his son, attended.");
  // A relative whose name is a word, found by the relation and removed elsewhere too.
  const std::vector<std::string> records = {"Her daughter Hope lives with her."};
  const std::vector<std::string_view> context(records.begin(), records.end());
  EXPECT_EQ(redact_for_publication("Hope now buttons her shirts.", {}, lex(), context).text,
            "[name] now buttons her shirts.");
}

TEST(RedactLeaksTest, NameAfterAnHonorificAtALineEnd) {
  EXPECT_EQ(redact("Follow-up was with Dr.\nAchterberg on 10/01/2026."), "Follow-up was with Dr.\n[name] on 10/01/2026.");
  EXPECT_EQ(redact("Reviewed by Dr.\nHelen Achterberg, who agreed."), "Reviewed by Dr.\n[name], who agreed.");
  EXPECT_EQ(redact("Seen by Mrs.\nBaker at the front desk.", worker("Joy M. Baker")),
            "Seen by Mrs.\n[name] at the front desk.");
}

TEST(RedactLeaksTest, StaffBeforeCredentials) {
  EXPECT_EQ(redact("Vitals taken by Nell Whitcombe, RN, at 9:10."), "Vitals taken by [name], RN, at 9:10.");
  EXPECT_EQ(redact("Seen by Jordan Pelletier, PA-C, with supervising physician."),
            "Seen by [name], PA-C, with supervising physician.");
  EXPECT_EQ(redact("Tamsin Greer, PT, DPT\nRenee St. John, LCSW"), "[name], PT, DPT\n[name], LCSW");
  EXPECT_EQ(redact("Treated by Oluwaseun Bright, DO; Bright noted spasm."), "Treated by [name], DO; [name] noted spasm.");
  // Role words before a name.
  EXPECT_EQ(redact("Spoke with adjuster Sharon Whitlock and nurse case manager Teresa Gillespie."),
            "Spoke with adjuster [name] and nurse case manager [name].");
}

TEST(RedactLeaksTest, CityAfterAStreetAddress) {
  EXPECT_EQ(redact("Lives at 1820 Tennessee St, Vallejo."), "Lives at [address], [city].");
  EXPECT_EQ(redact("Mail to 11820 Rough and Ready Hwy, Grass Valley 95945."), "Mail to [address], [address].");
  EXPECT_EQ(redact("He moved from Walnut Creek to Elk Grove in May."), "He moved from [city] to [city] in May.");
  KnownIdentifiers k;
  k.addresses = {"4411 Fruitridge Rd, Sacramento, CA 95820"};
  EXPECT_EQ(redact("Home: 4411 Fruitridge Rd. He drives to Sacramento daily.", k),
            "Home: [address]. He drives to [city] daily.");
}

TEST(RedactLeaksTest, FacilitiesInAnyCase) {
  EXPECT_EQ(redact("MRI at Pacific Coast Imaging showed a tear."), "MRI at [organization] showed a tear.");
  EXPECT_EQ(redact("PACIFIC COAST IMAGING\n1250 Ocean St"), "[organization]\n[address]");
  EXPECT_EQ(redact("Therapy at WILLOW GLEN HAND THERAPY, 12 visits."), "Therapy at [organization], 12 visits.");
  EXPECT_EQ(redact("Referred to Bayside Physical Therapy for 8 visits; Physical Therapy notes attached."),
            "Referred to [organization] for 8 visits; Physical Therapy notes attached.");
  EXPECT_EQ(redact("Adjusted by Harbor Mutual Claims Services, LLC on 10/2/2026."),
            "Adjusted by [organization] on 10/2/2026.");
}

TEST(RedactLeaksTest, ReplacementsKeepTheWordsAround) {
  EXPECT_EQ(redact("Date of birth: 02/09/1968   Date of injury: 09/02/2025"),
            "Date of birth: [date of birth]   Date of injury: 09/02/2025");
  EXPECT_EQ(redact("Name: William Hand        DOB: Feb 9, 1968        Study date: 09/24/2026"),
            "Name: [name]        DOB: [date of birth]        Study date: 09/24/2026");
  EXPECT_EQ(redact("Smith's notes; per Achterberg's report."), "Smith's notes; per [name]'s report.");
}

TEST(RedactLeaksTest, ClinicalWordsThatLookLikeNamesStay) {
  const auto bone = worker("Mark A. Bone");
  EXPECT_EQ(redact("Bone scan 2024 negative. Marked tenderness L4-S1. Mark reports pain 4/10.", bone),
            "Bone scan 2024 negative. Marked tenderness L4-S1. [name] reports pain 4/10.");
  const auto major = worker("Major Lee Dawson");
  EXPECT_EQ(redact("2. Major\ndepressive disorder, recurrent, mild (F33.0). Major is a 38 yo M.", major),
            "2. Major\ndepressive disorder, recurrent, mild (F33.0). [name] is a 38 yo M.");
  const auto will = worker("Wilfredo Castellanos");
  EXPECT_EQ(redact("Will f/u in 4 wks. Will says the splint helps.", will),
            "Will f/u in 4 wks. [name] says the splint helps.");
  const auto patrick = worker("Dennis J. Patrick");
  EXPECT_EQ(redact("Patrick's test (FABER) positive on the right; Mr. Patrick limps.", patrick),
            "Patrick's test (FABER) positive on the right; Mr. [name] limps.");
  const auto hand = worker("William R. Hand");
  EXPECT_EQ(redact("ACOEM Forearm, Wrist, and Hand Complaints; numbness in the right hand.", hand),
            "ACOEM Forearm, Wrist, and Hand Complaints; numbness in the right hand.");
  EXPECT_EQ(redact("Phalen's test positive at 20 seconds. Norco 10/325 mg q6h prn #120. Lidoderm 5% patch."),
            "Phalen's test positive at 20 seconds. Norco 10/325 mg q6h prn #120. Lidoderm 5% patch.");
  EXPECT_EQ(redact("Oswestry Disability Index 38%. Kellgren-Lawrence grade 3. Modic type 1 change."),
            "Oswestry Disability Index 38%. Kellgren-Lawrence grade 3. Modic type 1 change.");
}

TEST(RedactLeaksTest, NumbersByLabelAndShape) {
  EXPECT_EQ(redact("MRN: VOR-00311876  Acct # SND-77104"), "MRN: [id number]  Acct # [id number]");
  EXPECT_EQ(redact("Licensed Psychologist PSY 31174; NPI 1093847562"), "Licensed Psychologist [id number]; NPI [id number]");
  EXPECT_EQ(redact("SSN: xxx-xx-6620; Claim: FRE 24-3318"), "SSN: [ssn]; Claim: [claim number]");
  // Clinical numbers stay: doses, ICD codes, levels, dates, year ranges, scores.
  const std::string clinical = "M54.16, L4-S1, 2020-2024, 08/15/2026-09/14/2026, GAD-7 score 12, CPT 64483, 10/325.";
  EXPECT_EQ(redact(clinical), clinical);
}

TEST(RedactLeaksTest, NamesWithAccentedInitials) {
  // An initial is a whole character: "Á." is two bytes in UTF-8.
  const auto angeles = worker("Ángeles Écija Núñez");
  EXPECT_EQ(redact("Seen with Á. Núñez today; Ángeles Écija Núñez signed. Núñez, Ángeles É. agreed.", angeles),
            "Seen with [name] today; [name] signed. [name] agreed.");
}

TEST(RedactLeaksTest, ShortNumbersAfterTheirLabelAndMarker) {
  EXPECT_EQ(redact("Employer: Harbor Drug Mart (Store #22)"), "Employer: [organization] (Store #[id number])");
  EXPECT_EQ(redact("Works at Harbor Drug (Store #22)."), "Works at [organization] (Store #[id number]).");
  EXPECT_EQ(redact("DWC-1 given to employee 03/09/2026 at 2210 hrs."), "DWC-1 given to employee 03/09/2026 at 2210 hrs.");
  EXPECT_EQ(redact("He badged in (Badge No. 41) at 6 am; Locker: 7 was cleared."),
            "He badged in (Badge No. [id number]) at 6 am; Locker: [id number] was cleared.");
  // Without its marker a small number after the word stays: it is a count, not an identifier.
  EXPECT_EQ(redact("He goes to the store 3 times a week; visit #4 of 12."), "He goes to the store 3 times a week; visit #4 of 12.");
}

TEST(RedactLeaksTest, NumbersOfPlacesAndLinesWithoutAMarker) {
  EXPECT_EQ(redact("She was moved to room 614 on the second day."), "She was moved to room [id number] on the second day.");
  EXPECT_EQ(redact("He unloads trucks at Dock 9 and at store 27 on weekends."),
            "He unloads trucks at Dock [id number] and at store [id number] on weekends.");
  EXPECT_EQ(redact("Call the front desk, ext. 3307, or the pharmacy line. Rx #301188 refilled."),
            "Call the front desk, [phone], or the pharmacy line. Rx #[id number] refilled.");
  // Counts and motion stay: "extension 20", "#120", "the store 3 times".
  const std::string clinical = "Lumbar flexion 40, extension 20 deg. Norco #120. Walks to the store 3 times a week.";
  EXPECT_EQ(redact(clinical), clinical);
}

TEST(RedactLeaksTest, AnOrganisationsOwnShortForm) {
  EXPECT_EQ(redact("Employer: Sierra Vista Paving (SVP). He has worked for SVP since 2015."),
            "Employer: [organization] ([organization]). He has worked for [organization] since 2015.");
  // Capitals that are not the name's initials stay.
  EXPECT_EQ(redact("Seen at Harbor Valley Imaging (MRI suite) today; MRI was normal."),
            "Seen at [organization] (MRI suite) today; MRI was normal.");
}

TEST(RedactLeaksTest, APossessiveBeforeARelation) {
  EXPECT_EQ(redact("Dusty's fiancée drove him home."), "[name]'s fiancée drove him home.");
  EXPECT_EQ(redact("Per Marisol's husband, she sleeps four hours."), "Per [name]'s husband, she sleeps four hours.");
  // The patient is not a name: "Pt's daughter".
  EXPECT_EQ(redact("Pt's daughter called to cancel. PT 18 visits to date."), "Pt's daughter called to cancel. PT 18 visits to date.");
}

TEST(RedactLeaksTest, BirthDatesWithTwoDigitYears) {
  EXPECT_EQ(redact("Birthdate: Feb 14 '96"), "Birthdate: [date of birth]");
  EXPECT_EQ(redact("DOB 3/9/'71, seen today."), "DOB [date of birth], seen today.");
}

TEST(RedactLeaksTest, UnitsChemistryAndBracketedEponymsStay) {
  const std::string text =
      "Vitals: T 98.4 F. Tdap: 2019. O-desmethyltramadol 610 ng/mL. Scaphoid shift test (Watson) painful.";
  EXPECT_EQ(redact(text), text);
}

TEST(RedactLeaksTest, NicknamesGivenByOthers) {
  EXPECT_EQ(redact("The crew still calls him \"Moose\" after the fall. Moose drives the truck."),
            "The crew still calls him \"[name]\" after the fall. [name] drives the truck.");
  EXPECT_EQ(redact("Client called \"Pip\" by her family; her nickname at school is \"Bean\"."),
            "Client called \"[name]\" by her family; her nickname at school is \"[name]\".");
  EXPECT_EQ(redact("His crew has called him\n\"Tater\" since high school."), "His crew has called him\n\"[name]\" since high school.");
}

TEST(RedactLeaksTest, LongClinicalWordsByTheirEnding) {
  const std::string text = "Femoroacetabular impingement, cam type.\nHypomobility C5-C6. Modified Schober 3.5 cm. "
                           "Canadian C-spine rule: negative.";
  EXPECT_EQ(redact(text), text);
}

TEST(RedactLeaksTest, WorkPlacesNumbered) {
  EXPECT_EQ(redact("He worked Yard 3 and Kennel 12; she cleans Operatory 3 daily."),
            "He worked Yard [id number] and Kennel [id number]; she cleans Operatory [id number] daily.");
  // An injection site and a crisis line keep their numbers.
  const std::string clinical = "At each site 1 mL of 1% lidocaine. Given the crisis line 988.";
  EXPECT_EQ(redact(clinical), clinical);
}

TEST(RedactLeaksTest, BloodPressureAndItsRangeAreVitals) {
  const std::string vitals = "BP range 138-152/84-92, HR 72-88, SpO2 96-98%. BP 128/76 seated; 142/90 standing.";
  EXPECT_EQ(redact(vitals), vitals);
  EXPECT_EQ(redact("Blood pressure ran\n118-134/70-86 over the six visits."),
            "Blood pressure ran\n118-134/70-86 over the six visits.");
}

TEST(RedactLeaksTest, PossessiveOfANicknameBeforeANoun) {
  const auto clifford = worker("Clifford J. Ames");
  EXPECT_EQ(redact("Cliff's partner reports he naps in the day.", clifford), "[name]'s partner reports he naps in the day.");
  EXPECT_EQ(redact("Per Cliff's wife, the brace stays on.", clifford), "Per [name]'s wife, the brace stays on.");
  const auto penelope = worker("Penelope Ruiz");
  EXPECT_EQ(redact("Penny's daughter helps with meals.", penelope), "[name]'s daughter helps with meals.");
}

TEST(RedactLeaksTest, MedicalWordsCapitalisedStay) {
  // Medical dictionary words (hunspell-en-med) at a line or sentence start are not names.
  const std::string text = "Anterolateral joint line tender. Paresthesias in the ulnar digits.\nDispo: home with HEP.";
  EXPECT_EQ(redact(text), text);
  // Everyday words the medical dictionary also lists still make an organisation's name.
  EXPECT_EQ(redact("Filled at Foothill Community Pharmacy on 10/02/2026."), "Filled at [organization] on 10/02/2026.");
}


KnownIdentifiers organization(const std::string& name) {
  KnownIdentifiers k;
  k.organization_names = {name};
  return k;
}

std::string redact_with(std::string_view text, const std::vector<std::string>& records, const KnownIdentifiers& k = {}) {
  const std::vector<std::string_view> context(records.begin(), records.end());
  return redact_for_publication(text, k, lex(), context).text;
}

TEST(RedactLeaksTest, AnOrganisationsFirstWordAlone) {
  const auto straits = organization("Straits Reporting Group, Inc.");
  EXPECT_EQ(redact("Her scheduler at Straits, a Ms. Haugland, limits her hours.", straits),
            "Her scheduler at [organization], a Ms. [name], limits her hours.");
  const auto tollhouse = organization("Tollhouse Risk Partners");
  EXPECT_EQ(redact("Spoke with the nurse (Tollhouse, ext. 4418) by phone.", tollhouse),
            "Spoke with the nurse ([organization], [phone]) by phone.");
  // Found in a record rather than listed: the same.
  EXPECT_EQ(redact_with("The plan went to Kestrel for approval.", {"Administrator: Kestrel Harbor Claims Services, PO Box 12."}),
            "The plan went to [organization] for approval.");
  // A sentence's first word is just a word; a clinical first word is never taken.
  EXPECT_EQ(redact("Summit of the ladder is 12 feet.", organization("Summit Roofing Co.")), "Summit of the ladder is 12 feet.");
  EXPECT_EQ(redact("Referred to Spine clinic for review.", organization("Spine & Joint Institute of Fresno")),
            "Referred to Spine clinic for review.");
}

TEST(RedactLeaksTest, AnOrganisationsAcronymWithACapitalisedParticle) {
  const auto district = organization("Las Trampas Fire Protection District");
  EXPECT_EQ(redact("cc: Risk Manager, LTFPD", district), "cc: Risk Manager, [organization]");
  EXPECT_EQ(redact("TFPD approved modified duty; LTFPD HR called.", district),
            "[organization] approved modified duty; [organization] HR called.");
}

TEST(RedactLeaksTest, SurnameFirstInCapitals) {
  EXPECT_EQ(redact("05/02/2026   LISINOPRIL 10 MG TAB    90    PALOMINO-SHEA, I (PCP, non-WC)"),
            "05/02/2026   LISINOPRIL 10 MG TAB    90    [name] (PCP, non-WC)");
  EXPECT_EQ(redact("Prescriber: see list\nOKAFOR, CHIDI   12/01/2026"), "Prescriber: see list\n[name]   12/01/2026");
  // Clinical headings in capitals are not names.
  const std::string headings = "KNEE, R: effusion small.\nSHOULDER, L: full ROM.";
  EXPECT_EQ(redact(headings), headings);
}

TEST(RedactLeaksTest, ANameInQuotesInBrackets) {
  EXPECT_EQ(redact("S: 38 y/o firefighter (\"Tor\") with knee pain."), "S: 38 y/o firefighter (\"[name]\") with knee pain.");
  EXPECT_EQ(redact("The client (\u201cSunny\u201d) lives alone."), "The client (\u201c[name]\u201d) lives alone.");
  // A drug in quotes stays.
  EXPECT_EQ(redact("He calls it his (\"Norco\") pill."), "He calls it his (\"Norco\") pill.");
}

TEST(RedactLeaksTest, AGivenNameThatIsAWordBeforeASurname) {
  EXPECT_EQ(redact("Coworker Gus Strayhorn, drove behind the ambulance."), "Coworker [name], drove behind the ambulance.");
  EXPECT_EQ(redact("Gus Strayhorn drove behind the ambulance."), "[name] drove behind the ambulance.");
  // And alone later, once learned.
  EXPECT_EQ(redact_with("Gus from the yard says no modified duty.", {"Gus Strayhorn, drove behind the ambulance."}),
            "[name] from the yard says no modified duty.");
}

TEST(RedactLeaksTest, ACommonWordNameBeforeAColonIsALabel) {
  const std::vector<std::string> records = {"Patient: Heart, Hunter J.  Ms. Cane is 40."};
  EXPECT_EQ(redact_with("Left thigh: no bleeding. Heart: regular rhythm.", records),
            "Left thigh: no bleeding. Heart: regular rhythm.");
  EXPECT_EQ(redact_with("Neuro intact. Cane: not needed.\nMr. Heart returns.", records),
            "Neuro intact. Cane: not needed.\nMr. [name] returns.");
}

TEST(RedactLeaksTest, RecordNumbersShapedLikeDates) {
  EXPECT_EQ(redact("Seen in clinic     MRN 00-58-1173     DOS 03-14-2026"),
            "Seen in clinic     MRN [id number]     DOS 03-14-2026");
  EXPECT_EQ(redact("Acct 12-34-5678; seen 2026-03-14 and 3.14.26."), "Acct [id number]; seen 2026-03-14 and 3.14.26.");
}

TEST(RedactLeaksTest, ShortCodesOfLettersAndDigitsAfterALabel) {
  EXPECT_EQ(redact("Tdap given 06/11/2026 (lot 7XK29)."), "Tdap given 06/11/2026 (lot [id number]).");
  EXPECT_EQ(redact("UR Ref: A3B9C. Order 10x15 bands."), "UR Ref: [id number]. Order 10x15 bands.");
}

TEST(RedactLeaksTest, NamedTestsWithTheirResult) {
  const std::string tests = "Neer and Hawkins-Kennedy mildly positive. Spurling negative bilaterally. Tinel's (+) at the wrist.";
  EXPECT_EQ(redact(tests, worker("Dana Hawkins")), tests);
  EXPECT_EQ(redact("Mr. Hawkins positive for fatigue.", worker("Dana Hawkins")), "Mr. [name] positive for fatigue.");
}

TEST(RedactLeaksTest, AnInitialEndingALineIsNotAnOrganisation) {
  EXPECT_EQ(redact("Ankle jerk 1+ L.\nQuest Diagnostics drew labs."), "Ankle jerk 1+ L.\n[organization] drew labs.");
  EXPECT_EQ(redact("Reflexes 2+ R.\nBayside Imaging read the film."), "Reflexes 2+ R.\n[organization] read the film.");
}

TEST(RedactLeaksTest, ClinicalWordsByTheirMaking) {
  // An adjective made from a known word, and acupuncture points by name.
  const std::string text = "Post-concussional syndrome (F07.81). Postural dizziness.\nDu 4 (Mingmen), Yaoyan, Zusanli.";
  EXPECT_EQ(redact(text), text);
}

TEST(RedactLeaksTest, OrganisationsWhoseWordsAreVerbs) {
  EXPECT_EQ(redact("Evaluation done by Plumb Line Ergonomics on 02/20/2026."),
            "Evaluation done by [organization] on 02/20/2026.");
  EXPECT_EQ(redact("Called Bayside Imaging. Rides by Tri-City Medical Rides."), "Called [organization]. Rides by [organization].");
}

TEST(RedactLeaksTest, NamesAfterALabel) {
  // The label layer (it had silently found nothing: its pattern's value group is empty).
  EXPECT_EQ(redact("Front desk: Grace Hope\nEmergency contact: Dusty Rhodes"), "Front desk: [name]\nEmergency contact: [name]");
  EXPECT_EQ(redact("Patient: Dawson, Major Lee     Seen 03/02/2026"), "Patient: [name]     Seen 03/02/2026");
  EXPECT_EQ(redact("Employee: KIM, SOO-AH"), "Employee: [name]");
  // A value of everyday words is not a name; a credential after the name is not a given name.
  EXPECT_EQ(redact("CC: Bilateral heel pain x 8 months."), "CC: Bilateral heel pain x 8 months.");
  EXPECT_EQ(redact("Requesting provider: Tomas Velez, D.C., Chico"), "Requesting provider: [name], D.C., [city]");
  EXPECT_EQ(redact("Supervisor: Chinedu Anyanwu, Executive Housekeeper"), "Supervisor: [name], Executive Housekeeper");
  EXPECT_EQ(redact("Mr. Tran's DOB per the DWC-1 is on file."), "Mr. [name]'s DOB per the DWC-1 is on file.");
}

TEST(RedactLeaksTest, OrganisationsAfterALabel) {
  EXPECT_EQ(redact("EMPLOYEE: Ana Ruiz    EMPLOYER: GOLDEN STATE WIRE & CABLE"), "EMPLOYEE: [name]    EMPLOYER: [organization]");
  EXPECT_EQ(redact("Carrier: Bluewater Mutual, LLC; adjuster on leave"), "Carrier: [organization]; adjuster on leave");
  // Later mentions of the organisation go too.
  EXPECT_EQ(redact("Employer: Harvest Moon Packing\nHe packs at Harvest Moon Packing nights."),
            "Employer: [organization]\nHe packs at [organization] nights.");
  // Tests and settings are not organisations.
  const std::string clinical = "Lab: CBC, CMP, UDS\nFacility: Outpatient";
  EXPECT_EQ(redact(clinical), clinical);
}

TEST(RedactLeaksTest, ProfessionalCorporations) {
  EXPECT_EQ(redact("SIERRA VISTA SPINE & PAIN, A MEDICAL CORP.\nProgress report"), "[organization]\nProgress report");
  EXPECT_EQ(redact("Represented by Ruiz & Tan, a Professional Law Corporation."), "Represented by [organization].");
}

TEST(RedactLeaksTest, WebAddresses) {
  EXPECT_EQ(redact("Portal: https://portal.sunridgeclaims.example.com/claims/88412 (log in first)"),
            "Portal: [web address] (log in first)");
  EXPECT_EQ(redact("See www.kernrehab.example.org or kernrehab.example.org/forms."),
            "See [web address] or [web address].");
  // An e-mail is one e-mail, not an e-mail and a web address.
  EXPECT_EQ(redact("Write to jo@kernrehab.example.org today."), "Write to [email] today.");
}

TEST(RedactLeaksTest, RuralBoxesAndCrossStreets) {
  EXPECT_EQ(redact("Address: RR 2 Box 14, Weed, CA 96094"), "Address: [address], [address]");
  EXPECT_EQ(redact("Mailing: HC 64 Box 3021. Lives on Rural Route 3."), "Mailing: [address]. Lives on [address].");
  EXPECT_EQ(redact("She lives near the corner of 5th and Pine; fell at the intersection of Elm St. and Main."),
            "She lives near the corner of [address]; fell at the intersection of [address].");
  // Vital signs are not routes.
  const std::string vitals = "BP 128/79, HR 96, RR 20, SpO2 98% RA. HC 38 cm.";
  EXPECT_EQ(redact(vitals), vitals);
}

TEST(RedactLeaksTest, BirthDatesWrittenOut) {
  EXPECT_EQ(redact("Born on the 3rd of November 1979 in Fresno."), "Born on [date of birth] in [city].");
  EXPECT_EQ(redact("DOB Nov. 3rd, '79. Seen 11/03/2026."), "DOB [date of birth]. Seen 11/03/2026.");
}

TEST(RedactLeaksTest, NamesOthersCallAPerson) {
  EXPECT_EQ(redact("The foreman, a man she calls Bear, yelled at her."), "The foreman, a man she calls [name], yelled at her.");
  EXPECT_EQ(redact("His lead, who everyone calls Red, saw the fall."), "His lead, who everyone calls [name], saw the fall.");
  const std::string not_names = "She called Tuesday. She calls Norco her lifeline.";
  EXPECT_EQ(redact(not_names), not_names);
}

TEST(RedactLeaksTest, RareWordsThatAreNames) {
  // Given names the word lists have in lower case only at their rarest levels.
  EXPECT_EQ(redact("RE: JAMES \"JIMMY\" HARGROVE"), "RE: [name] \"[name]\" [name]");
  EXPECT_EQ(redact("Gus said the lift was broken."), "[name] said the lift was broken.");
  // Short clinical abbreviations stay.
  const std::string labs = "Na 139 mmol/L, K 4.1. Se le explicó.";
  EXPECT_EQ(redact(labs), labs);
}

TEST(RedactLeaksTest, PlatesAndOtherIdsAfterALabel) {
  EXPECT_EQ(redact("Vehicle plate 8KTR214; Employee Number 44810; ITIN 912-70-1234."),
            "Vehicle plate [id number]; Employee Number [id number]; ITIN [ssn].");
}

TEST(RedactLeaksTest, InitialsRunTogetherAndSpelledPhones) {
  EXPECT_EQ(redact("Per J.R. Whitfield, the job is heavy."), "Per [name], the job is heavy.");
  EXPECT_EQ(redact("Signed: A.B. Cole, PT"), "Signed: [name], PT");
  EXPECT_EQ(redact("Call 1-800-HELP-NOW or (877) 555-CARE."), "Call [phone] or [phone].");
  const std::string clinical = "The L.E. was intact. Grade II A.C. separation.";
  EXPECT_EQ(redact(clinical), clinical);
}

TEST(RedactLeaksTest, TradeBusinesses) {
  EXPECT_EQ(redact("Hired by Kowalczyk Brothers Framing in 2019."), "Hired by [organization] in 2019.");
  EXPECT_EQ(redact("He hung board for Ortega & Sons Drywall."), "He hung board for [organization].");
}

TEST(RedactLeaksTest, VehiclesBadgesAndLicenceNumbers) {
  EXPECT_EQ(redact("Pinned under lifted coach #4471; tractor #FRF-118 and trailer 53-2291 were parked."),
            "Pinned under lifted coach #[id number]; tractor #[id number] and trailer [id number] were parked.");
  EXPECT_EQ(redact("Her silver sedan, CA plate 9KJT204, sits in the carport."),
            "Her silver sedan, CA plate [id number], sits in the carport.");
  EXPECT_EQ(redact("Officer: Sgt. Imelda Carranza #7706 took the report."), "Officer: [name] #[id number] took the report.");
  EXPECT_EQ(redact("Hieu Lam, PharmD, RPh 71946\nCourt Certified Interpreter No. 300912"),
            "[name], PharmD, RPh [id number]\nCourt Certified Interpreter No. [id number]");
  // Quantities, years and a TENS rental stay.
  const std::string clinical = "Gabapentin 300 mg #90. PT 2x6. MD 2026 review. TENS unit 30-day rental. Norco 10/325 #120.";
  EXPECT_EQ(redact(clinical), clinical);
}

TEST(RedactLeaksTest, ANumberFoundOnceIsRemovedWhereItRecurs) {
  EXPECT_EQ(redact("Climbing into tractor #FRF-118 he slipped. FRF-118 was then towed."),
            "Climbing into tractor #[id number] he slipped. [id number] was then towed.");
  EXPECT_EQ(redact_with("Unit FRF-118 was towed.", {"Dispatch: tractor #FRF-118."}), "Unit [id number] was towed.");
}

TEST(RedactLeaksTest, NicknamesAskedForAndKnownAs) {
  EXPECT_EQ(redact("Adela (she asks to be called Del) says the foot hurts."), "[name] (she asks to be called [name]) says the foot hurts.");
  EXPECT_EQ(redact("Known on his route as \"Big John.\" He lifts 70 lb."), "Known on his route as \"[name].\" He lifts 70 lb.");
  EXPECT_EQ(redact("Goes by \"Ani\" at work."), "Goes by \"[name]\" at work.");
  EXPECT_EQ(redact("Patient: Young, Lorena (\"Lori\")"), "Patient: [name] (\"[name]\")");
}

TEST(RedactLeaksTest, SurnamesThatAreEponyms) {
  EXPECT_EQ(redact("From: Colleen McMurray <cm@sunmark.example.com>\nColleen McMurray, Senior Claims Adjuster"),
            "From: [name] <[email]>\n[name], Senior Claims Adjuster");
  EXPECT_EQ(redact("Rotation began per Safety Mgr. Rhett Phalen on 01/05. Later R. Phalen signed the form."),
            "Rotation began per Safety [name] on 01/05. Later [name] signed the form.");
  // The tests themselves stay.
  const std::string tests = "McMurray test positive medially. Phalen negative, R. Spurling neg. Patrick's test positive R.";
  EXPECT_EQ(redact(tests), tests);
  EXPECT_EQ(redact("Reported by: Graham Beck, Branch Manager"), "Reported by: [name], Branch Manager");
}

TEST(RedactLeaksTest, StreetsParksAndUnitsInOtherShapes) {
  KnownIdentifiers k;
  k.addresses = {"2291 Alta Vista Ave, Unit C, Arcadia, CA 91006"};
  EXPECT_EQ(redact("Met her at home on Alta Vista, two blocks from the park.", k), "Met her at home on [city], two blocks from the park.");
  EXPECT_EQ(redact("He rents on Main Street, space 22, near Bear Mountain\nBoulevard."),
            "He rents on [address], [address], near [address].");
  EXPECT_EQ(redact("The family meets at the Sunset Palms park on Sundays."), "The family meets at the [address] on Sundays.");
  EXPECT_EQ(redact("Dispatch: Station VCA4 -- Statement"), "Dispatch: Station [id number] -- Statement");
}

TEST(RedactLeaksTest, UnionsAndClinicalPhrases) {
  EXPECT_EQ(redact("Hired through Roofers Local 81 in 2021."), "Hired through [organization] in 2021.");
  const std::string clinical = "No Brown-Séquard pattern. Hua Tuo Jiaji points L3-L5. Needles: Seirin J-type 0.20 x 30 mm. "
                               "Adductor canal (Hunter's canal) block. HbA1c 6.9% (ref 4.0-5.6). Hoyer lift. Empi Select TENS.";
  KnownIdentifiers k;
  k.person_names = {"Dana Brown", "Wei Hua", "Tom Hunter"};
  EXPECT_EQ(redact(clinical, k), clinical);
  EXPECT_EQ(redact("Sharp, burning pain across the midfoot.", worker("Ellis Sharp")), "Sharp, burning pain across the midfoot.");
  EXPECT_EQ(redact("Sharp, who drives, was seen.", worker("Ellis Sharp")), "[name], who drives, was seen.");
}

TEST(RedactLeaksTest, BirthDatesWithSpacedSeparators) {
  EXPECT_EQ(redact("Patient: see file       DOB 03 / 14 / 1990       File NCS-11872"),
            "Patient: see file       DOB [date of birth]       File [id number]");
}

TEST(RedactLeaksTest, OrganisationsEveryoneNamesAlone) {
  EXPECT_EQ(redact("Home sleep test ordered through his private plan, Kaiser member."),
            "Home sleep test ordered through his private plan, [organization] member.");
  EXPECT_EQ(redact("LABS (Quest, 09/30/2026): HbA1c 7.9%. Aquatic exercise at the YMCA on Valencia Ave."),
            "LABS ([organization], 09/30/2026): HbA1c 7.9%. Aquatic exercise at the [organization] on [address].");
  // A common word opening a sentence is the word.
  EXPECT_EQ(redact("Paradigm shift in care. Quest for relief continues."), "Paradigm shift in care. Quest for relief continues.");
  // A listed organisation's first word alone is not the organisation ("State Fund", "Home Depot").
  EXPECT_EQ(redact_with("The State of California requires it; a Home exercise program. Claim with State Fund.",
                        {"Claims: State Fund, Blue Shield. Worked at Home Depot."}),
            "The State of California requires it; a Home exercise program. Claim with [organization].");
}

TEST(RedactLeaksTest, CaptionsBadgesRoadsAndLastDigits) {
  EXPECT_EQ(redact("Hawkins v. Ironbridge Steel Erectors, Inc.; WCAB pending."),
            "[name] v. [organization]; WCAB pending.");
  EXPECT_EQ(redact("Deputy Luis Arredondo (#3902) and an officer\n(#4460) gained control."),
            "Deputy [name] (#[id number]) and an officer\n(#[id number]) gained control.");
  EXPECT_EQ(redact("The house is on Road 204 past the co-op; the shop is on Avenue 384."),
            "The house is on [address] past the co-op; the shop is on [address].");
  EXPECT_EQ(redact("Applicant's SSN on file ends 2290. Bus VIN ending 55291 was repaired."),
            "Applicant's SSN on file ends [ssn]. Bus VIN ending [id number] was repaired.");
  EXPECT_EQ(redact("He is a structural ironworker, Local 918, since 2006."),
            "He is a structural ironworker, [organization], since 2006.");
  EXPECT_EQ(redact("Eli Lachman, PT, DPT, OCS       CA PT License 298114"), "[name], PT, DPT, OCS       CA PT License [id number]");
}

TEST(RedactLeaksTest, ClinicalNamesAndUnitsOfTheSixthSet) {
  KnownIdentifiers k;
  k.person_names = {"Ravi Mallampati"};
  const std::string clinical = "Mallampati class IV, tonsils 1+. Therapeutic ultrasound 1 MHz 1.0 W/cm2 x 6 min. "
                               "WatchPAT ONE home test. Miriam Finkelstein, L.Ac., Dipl. OM (NCCAOM)";
  EXPECT_EQ(redact(clinical, k), "Mallampati class IV, tonsils 1+. Therapeutic ultrasound 1 MHz 1.0 W/cm2 x 6 min. "
                                 "WatchPAT ONE home test. [name], L.Ac., Dipl. OM (NCCAOM)");
  EXPECT_EQ(redact("HPI: Mr. Mallampati is a 60-year-old driver.", k), "HPI: Mr. [name] is a 60-year-old driver.");
  // A name after a nickname in quotes.
  EXPECT_EQ(redact("Patient: Gerardo \"Lalo\" Waddell    D.O.B. 12-02-1969", worker("Gerardo Waddell")),
            "Patient: [name] \"[name]\" [name]    D.O.B. [date of birth]");
  EXPECT_EQ(redact("Studies: MRI L-spine (Harbor View Open MRI): L5-S1 stenosis. UR by Pacific Utilization Partners."),
            "Studies: MRI L-spine ([organization]): L5-S1 stenosis. UR by [organization].");
}

TEST(RedactLeaksTest, NamesUnderASignOff) {
  EXPECT_EQ(redact("Please advise.\n\nBest,\nDusty\n"), "Please advise.\n\nBest,\n[name]\n");
  EXPECT_EQ(redact("Thanks,\nHope Castellanos\nClaims Assistant"), "Thanks,\n[name]\nClaims Assistant");
  // A department under a sign-off is not a name.
  EXPECT_EQ(redact("Regards,\nClaims Department"), "Regards,\nClaims Department");
}

TEST(RedactLeaksTest, CitationsHeadingsAndLanguagesAreNotNames) {
  const std::string text = "MR ARTHROGRAM, RIGHT SHOULDER\nShe prefers English for most answers.\n"
                           "ACOEM Workplace Mental Health chapter, p. 12.";
  EXPECT_EQ(redact(text), text);
  EXPECT_EQ(redact("LOPEZ MARIA G    DOB 04/11/1978"), "[name]    DOB [date of birth]");
}

TEST(RedactLeaksTest, NicknamesAndShortNamesInBrackets) {
  EXPECT_EQ(redact("Name: Phalen, Dolores M. (\"Lola\")     DOB 3/8/79"), "Name: [name]. (\"[name]\")     DOB [date of birth]");
  EXPECT_EQ(redact("Patient: ROOS, ANAHIT  (\"Ani\")"), "Patient: [name]  (\"[name]\")");
  EXPECT_EQ(redact("Employer: Crystal Clear Pool & Spa Service (\"CCP Pools\")\nCCP POOLS - ROUTE SHEET"),
            "Employer: [organization] (\"[organization]\")\n[organization] - ROUTE SHEET");
  EXPECT_EQ(redact("Employer: SunHarvest Solar Installations, Inc. (SHSI)\nSHSI crew lead called."),
            "Employer: [organization] ([organization])\n[organization] crew lead called.");
  // A language in brackets after a name stays.
  EXPECT_EQ(redact("Interpreter present for Ana Ruiz (Spanish)."), "Interpreter present for [name] (Spanish).");
}

TEST(RedactLeaksTest, ChildrenListedAfterARelation) {
  EXPECT_EQ(redact("Children Kai (14) and Sienna (9) live with her."), "Children [name] (14) and [name] (9) live with her.");
  EXPECT_EQ(redact("Her sons Eli, Asa and Bo help on weekends."), "Her sons [name] and [name] help on weekends.");
}

TEST(RedactLeaksTest, DepartmentsCodesAndTheLastFour) {
  EXPECT_EQ(redact("Stadium security and SJPD responded; COPD is stable."), "Stadium security and [organization] responded; COPD is stable.");
  EXPECT_EQ(redact("SSN (last 4): 4407     Home: see file"), "SSN (last 4): [ssn]     Home: see file");
  EXPECT_EQ(redact("Return her parking hang tag (#A-2291); the gate code is 4417#."),
            "Return her parking hang tag (#[id number]); the gate code is [id number]#.");
  EXPECT_EQ(redact("Tech: see log   Emp # 0417   badge V-10823, workstation 4-117"),
            "Tech: see log   Emp # [id number]   badge [id number], workstation [id number]");
  // A reference range stays; so does a range of years.
  const std::string ranges = "HbA1c 6.9% (ref 4.0-5.6), TSH range 0.4-4.0, worked 2019-2024.";
  EXPECT_EQ(redact(ranges), ranges);
}

TEST(RedactLeaksTest, TestsWithTheirResultFirstAndTermsWithAnAcronym) {
  KnownIdentifiers k;
  k.person_names = {"Dolores Phalen", "Rita Mulder", "Sam Block"};
  const std::string clinical = "Positive Phalen's and Durkan's, monofilament loss. Mulder's click negative. "
                               "PLAN: Diagnostic Medial Branch Block (MBB), bilateral L4-L5. Arch supports (Powerstep). "
                               "3 Tesla MARS MRI of the hip. See www.mdguidelines.com and https://www.dir.ca.gov/dwc.";
  EXPECT_EQ(redact(clinical, k), clinical);
  EXPECT_EQ(redact("Ms. Block (PTP) called.", k), "Ms. [name] (PTP) called.");
}

TEST(RedactLeaksTest, StadiumsAndAssociations) {
  EXPECT_EQ(redact("Site: Coyote Creek Stadium. Route stop: Ranchero Palms HOA."), "Site: [organization]. Route stop: [organization].");
}

TEST(RedactLeaksTest, AcronymsWithTheLegalFormAndLabelsInCapitals) {
  EXPECT_EQ(redact("Employer: Sierra Summit Roofing Co. (SSRC)        Claim: see file\nSSRC has no modified work."),
            "Employer: [organization] ([organization])        Claim: see file\n[organization] has no modified work.");
  EXPECT_EQ(redact("Patient: see chart    SFRC #: 60-2214    Eval dates: 10/12-10/13/2026"),
            "Patient: see chart    SFRC #: [id number]    Eval dates: 10/12-10/13/2026");
  EXPECT_EQ(redact("Employee: see file    Emp #: 2291    Position: Groundskeeper II"),
            "Employee: see file    Emp #: [id number]    Position: Groundskeeper II");
  EXPECT_EQ(redact("Last 4 of SSN: 4417"), "Last 4 of SSN: [ssn]");
  EXPECT_EQ(redact("Deputy Oxendine, #388, arrived within 2 minutes. Norco, #120, was refilled."),
            "Deputy [name], #[id number], arrived within 2 minutes. Norco, #120, was refilled.");
}

TEST(RedactLeaksTest, StreetsNamedAloneVenuesAndPrograms) {
  EXPECT_EQ(redact("He avoids driving on Marina Vista past the flare stack."), "He avoids driving on [address] past the flare stack.");
  EXPECT_EQ(redact("Loading at the Embarcadero Amphitheatre dock; offered the EAP (Harbor EAP)."),
            "Loading at the [organization] dock; offered the EAP ([organization]).");
  EXPECT_EQ(redact("Goes by \"May\" at work; off opioids since May 14, 2026."),
            "Goes by \"[name]\" at work; off opioids since May 14, 2026.");
  // A scanner's make and model, and a drug test heading, stay.
  const std::string clinical = "Scanner: Siemens MAGNETOM Altea 1.5T\nDEFINITIVE DRUG TESTING REPORT (LC-MS/MS)";
  EXPECT_EQ(redact(clinical), clinical);
}

TEST(RedactLeaksTest, ShapesOfTheNinthSet) {
  EXPECT_EQ(redact("Tel 909/555-0161. Tinetti 14/28, Berg 41/56."), "Tel [phone]. Tinetti 14/28, Berg 41/56.");
  EXPECT_EQ(redact("Seen by Noel Brace, PA-C today; Maria Brace, RN, assisted. Jewett brace worn daily."),
            "Seen by [name], PA-C today; [name], RN, assisted. Jewett brace worn daily.");
  EXPECT_EQ(redact("His aunt's house in Window Rock, Arizona; he grew up in Elko, Nevada."),
            "His aunt's house in [city], Arizona; he grew up in [city], Nevada.");
  EXPECT_EQ(redact("She pressed the alarm; California Highway\nPatrol responded. Back to the Highway 12 plaza."),
            "She pressed the alarm; [organization] responded. Back to the [address] plaza.");
  EXPECT_EQ(redact("Rope access card SPRAT 2-48817, lapsed 2026. Surgery at (2 Bon Air Rd, Larkspur)."),
            "Rope access card SPRAT [id number], lapsed 2026. Surgery at ([address], [city]).");
  EXPECT_EQ(redact("UR non-certification (Meridian Crest Review ref 4471-2)."),
            "UR non-certification ([organization] ref [id number]).");
  // The letter's own reviews are not organisations.
  const std::string own = "Independent Medical Review. The Expert Review. Utilization Review. Peer Review.";
  EXPECT_EQ(redact(own), own);
}

TEST(RedactLeaksTest, ShapesOfTheTenthSet) {
  EXPECT_EQ(redact("Leave approved for the festa at the Holy Spirit Portuguese Hall in Hanford."),
            "Leave approved for the festa at the [organization] in [city].");
  EXPECT_EQ(redact("Wade (\"Tater\" on the crew) says the roller jumped."), "Wade (\"[name]\" on the crew) says the roller jumped.");
  EXPECT_EQ(redact("Employer contact is Hector \"Tito\" Villalpando, superintendent."),
            "Employer contact is [name] \"[name]\" [name], superintendent.");
  EXPECT_EQ(redact("Screed-operator certification (CalTrans card no. 7741-SO)."),
            "Screed-operator certification ([name] card no. [id number]).");
  KnownIdentifiers k;
  k.person_names = {"Ana Weber", "Lou Katz", "Dale Moody", "Rae Temple"};
  const std::string clinical = "Type III acromion (Bigliani), lateral downsloping. OTC arch inserts (Dr. Scholl's). "
                               "Bimalleolar fracture, Weber B (S82.842A). Katz ADL index 3/6.\n"
                               "Temple and suboccipital tenderness on the right. Moody and irritable at home.";
  EXPECT_EQ(redact_with(clinical, {"Ms. Weber, Mr. Katz, Mr. Moody and Ms. Temple attended."}, k), clinical);
  EXPECT_EQ(redact("Moody and his wife attended.", k), "[name] and his wife attended.");
}

}  // namespace
}  // namespace imr
