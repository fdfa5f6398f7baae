// The request parser's body region, laterality and topic (category): many ways requests
// name a region ("L-spine", "LS", "low back", "C5-6", "BUE", "fingers", "both knees"), the
// service kinds real disputes contain and the topic each gets (pre-operative services,
// post-operative therapy, surgery by region), and the data files' validation.
#include <gtest/gtest.h>

#include "core/error.h"
#include "intake/body_regions.h"
#include "intake/request.h"
#include "support/knowledge.h"

namespace imr {
namespace {

ParsedRequest parse(std::string_view text) {
  const auto k = testing::bundled_knowledge();
  return parse_request(text, k->drugs, k->services);
}

struct RegionCase {
  const char* text;
  const char* region;
  std::vector<std::string> regions;  // when several are named
  const char* laterality;
};

TEST(RequestRegionsTest, RegionsAreReadFromManyPhrasings) {
  const std::vector<RegionCase> cases = {
      // Low back, by name, abbreviation and level.
      {"MRI lumbar spine", "lumbar_spine", {}, ""},
      {"MRI of the L-spine without contrast", "lumbar_spine", {}, ""},
      {"MRI LS spine", "lumbar_spine", {}, ""},
      {"X-ray LS, 3 views", "lumbar_spine", {}, ""},
      {"X-ray of the lumbosacral spine", "lumbar_spine", {}, ""},
      {"Open MRI of the lumbosacral region", "lumbar_spine", {}, ""},
      {"Physical therapy for the low back 2x4", "lumbar_spine", {}, ""},
      {"Chiropractic care for the lower back", "lumbar_spine", {}, ""},
      {"L4-5 and L5-S1 facet injections", "lumbar_spine", {}, ""},
      {"Right L5 transforaminal epidural steroid injection", "lumbar_spine", {}, "right"},
      {"Lumbar MRI scan", "lumbar_spine", {}, ""},
      // Neck and mid back.
      {"C-spine MRI", "cervical_spine", {}, ""},
      {"MRI of the neck without contrast", "cervical_spine", {}, ""},
      {"C5-6 epidural injection", "cervical_spine", {}, ""},
      {"Cervical collar", "cervical_spine", {}, ""},
      {"T-spine x-rays", "thoracic_spine", {}, ""},
      {"Chiropractic for the mid back x 6", "thoracic_spine", {}, ""},
      {"MRI of the cervical and thoracic spine", "multiple", {"cervical_spine", "thoracic_spine"}, ""},
      // The spine as a whole, and a broader region beside one of its parts.
      {"Back brace", "spine", {}, ""},
      {"Spinal manipulation x 6", "spine", {}, ""},
      {"Spine surgery evaluation for the lumbar spine", "lumbar_spine", {}, ""},
      {"Arm sling for the left shoulder", "shoulder", {}, "left"},
      // Upper limb.
      {"MRI right shoulder", "shoulder", {}, "right"},
      {"Physical therapy for both shoulders", "shoulder", {}, "bilateral"},
      {"Rotator cuff repair, left", "shoulder", {}, "left"},
      {"Left elbow MRI", "elbow", {}, "left"},
      {"MRI of the fingers of the right hand without contrast", "wrist_hand", {}, "right"},
      {"Right carpal tunnel release", "wrist_hand", {}, "right"},
      {"Thumb spica splint", "wrist_hand", {}, ""},
      {"Hand therapy x 8 for the left wrist", "wrist_hand", {}, "left"},
      {"EMG/NCS of the bilateral upper extremities", "upper_extremity", {}, "bilateral"},
      {"EMG/NCV of the upper extremities", "upper_extremity", {}, "bilateral"},
      {"EMG BUE", "upper_extremity", {}, "bilateral"},
      {"NCS RUE", "upper_extremity", {}, "right"},
      {"EMG of the left upper extremity", "upper_extremity", {}, "left"},
      // Lower limb.
      {"MRI of the left hip", "hip", {}, "left"},
      {"Sacroiliac joint injection", "hip", {}, ""},
      {"Right knee MRI", "knee", {}, "right"},
      {"Additional physical therapy for bilateral knees", "knee", {}, "bilateral"},
      {"Hinged knee brace, rt", "knee", {}, "right"},
      {"Ankle brace, right", "ankle_foot", {}, "right"},
      {"MRI of the left foot", "ankle_foot", {}, "left"},
      {"Custom orthotics for both feet", "ankle_foot", {}, "bilateral"},
      {"MRI of Left lower extremity without contrast", "lower_extremity", {}, "left"},
      {"NCV BLE", "lower_extremity", {}, "bilateral"},
      {"EMG and NCS of the right lower extremity", "lower_extremity", {}, "right"},
      // Head and trunk.
      {"CT scan of the head", "head", {}, ""},
      {"MRI of the bilateral brain/brainstem", "head", {}, "bilateral"},
      {"Chest x-ray", "chest", {}, ""},
      {"Rib x-rays, left", "chest", {}, "left"},
      {"Umbilical hernia repair", "abdomen", {}, ""},
      // Several regions, and sides on both.
      {"Physical therapy for the lumbar spine, left shoulder and left knee", "multiple",
       {"lumbar_spine", "shoulder", "knee"}, "left"},
      {"PT/OT left hand, right lower leg", "multiple", {"wrist_hand", "lower_extremity"}, "bilateral"},
      {"Neurosurgeon evaluation for the Low back/Pelvis", "multiple", {"lumbar_spine", "hip"}, ""},
      // Drugs name regions too.
      {"Lidoderm patch to the low back #30", "lumbar_spine", {}, ""},
      {"Voltaren gel 1% for the right knee", "knee", {}, "right"},
      // None named; region words inside other words do not count.
      {"Norco 10/325mg #60", "unspecified", {}, ""},
      {"Headache clinic referral", "unspecified", {}, ""},
      {"Pharmacy consult", "unspecified", {}, ""},
      {"Backrest cushion", "unspecified", {}, ""},
      {"Urine drug screen", "unspecified", {}, ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    const ParsedRequest r = parse(c.text);
    EXPECT_EQ(r.body_region, c.region);
    const std::vector<std::string> regions =
        !c.regions.empty() ? c.regions
        : std::string(c.region) == "unspecified" ? std::vector<std::string>{}
                                                 : std::vector<std::string>{c.region};
    EXPECT_EQ(r.body_regions, regions);
    EXPECT_EQ(r.region_named(), !regions.empty());
    EXPECT_EQ(r.laterality, c.laterality);
  }
}

TEST(RequestRegionsTest, LabelsReadAsProse) {
  EXPECT_EQ(parse("MRI right wrist").body_region_label, "wrist or hand");
  EXPECT_EQ(parse("MRI of the cervical and thoracic spine").body_region_label, "cervical spine and thoracic spine");
  EXPECT_EQ(parse("PT lumbar spine, knee and ankle").body_region_label, "lumbar spine, knee and ankle or foot");
  EXPECT_EQ(parse("Norco 10/325mg #60").body_region_label, "");
}

TEST(RequestRegionsTest, ServiceKindsOfRealDisputesHaveTheirTopics) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      // Imaging and electrodiagnostics.
      {"MRI right knee", "imaging_mri"},
      {"MARS MRI scan of the right hip", "imaging_mri"},
      {"CT of the cervical spine", "imaging_ct"},
      {"X-rays of the right hip", "imaging_xray"},
      {"Chest x-ray", "imaging_xray"},
      {"Three phase bone scan", "imaging_bone_scan"},
      {"Diagnostic ultrasound of the right shoulder", "imaging_ultrasound"},
      {"NCV bilateral lower extremities", "electrodiagnostics"},
      // Surgery by region; several regions keep the general topic.
      {"Right shoulder arthroscopy with subacromial decompression", "surgery_shoulder"},
      {"Left knee arthroscopy with partial meniscectomy", "surgery_knee"},
      {"L4-5 laminectomy", "surgery_spine"},
      {"Right carpal tunnel release", "surgery_hand"},
      {"Umbilical hernia repair", "surgery"},
      {"Arthroscopy of the left knee and right shoulder", "surgery"},
      // Associated surgical services, pre-operative ones by the words that say so.
      {"Medical clearance", "preop_clearance"},
      {"Pre-operative medical clearance", "preop_clearance"},
      {"Pre-op EKG", "preop_ekg"},
      {"Preoperative electrocardiogram", "preop_ekg"},
      {"EKG", "ekg"},
      {"Labs to include: EKG", "ekg"},
      {"Pre-op labs: CBC", "preop_cbc"},
      {"Pre-operative BMP", "preop_metabolic_panel"},
      {"Pre-op PT/PTT", "preop_coagulation"},
      {"Pre-op urinalysis", "preop_urinalysis"},
      {"Pre-op labs", "preop_labs"},
      {"CBC with differential", "labs"},
      {"Pre-op chest x-ray", "preop_chest_xray"},
      {"Assistant surgeon", "assistant_surgeon"},
      {"Assistant PA", "assistant_surgeon"},
      {"Associated surgical service: Cold therapy unit, 7 day rental", "cold_therapy"},
      {"Cold compression therapy 30 day rental", "cold_therapy"},
      {"Associated surgical service: Arc sling", "sling"},
      {"Shoulder sling with abduction pillow", "sling"},
      {"Hinged knee brace", "brace"},
      {"LSO back brace", "lumbar_support"},
      {"Post-op physical therapy 2 times a week for 4 weeks", "postsurgical_physical_medicine"},
      {"Postoperative occupational therapy x 12", "postsurgical_physical_medicine"},
      {"Physical therapy 2 times a week for 4 weeks", "physical_medicine"},
      // Equipment, care settings, visits.
      {"Front wheeled walker", "dme_mobility"},
      {"Standard wheelchair for a 3 month rental", "dme_mobility"},
      {"Purchase of a bedside 3 in 1 commode", "dme_bathroom"},
      {"Hospital bed for an unspecified rental", "dme_hospital_bed"},
      {"Large gloves", "medical_supplies"},
      {"Bilateral hearing aids", "hearing_aids"},
      {"Home aide 6 hours per day", "home_health"},
      {"Wound care nurse, 2 visits", "home_health"},
      {"Skilled nursing facility x 14 days", "skilled_nursing"},
      {"Two week trial of Acute Rehabilitation Unit", "inpatient_rehab"},
      {"Partial Hospitalization day treatment", "partial_hospitalization"},
      {"Transportation to/from all medical appointments", "transportation"},
      {"Orthopedic consultation", "office_visits"},
      {"Spine surgery evaluation for the lumbar", "office_visits"},
      {"Neurosurgeon evaluation", "office_visits"},
      {"Re-exam with chiropractor", "office_visits"},
      {"Follow up office visit times 3", "office_visits"},
      {"Functional capacity evaluation (FCE)", "functional_capacity_evaluation"},
      // Physical medicine in its forms.
      {"Massage therapy x 6", "massage_therapy"},
      {"Myofascial release to the low back", "manual_therapy"},
      {"Chirophysio therapy 2x4", "manual_therapy"},
      {"Infrared heat to the low back", "passive_modalities"},
      {"Pulsed ultrasound 2 times a week", "passive_modalities"},
      {"Spinolator therapy (traction) x 6", "passive_modalities"},
      {"Ice/heat pads therapy x 6", "passive_modalities"},
      {"Electrical muscle stimulation 2x4", "electrical_stimulation"},
      {"Retrospective E-stim (DOS 12/29/16)", "electrical_stimulation"},
      {"Biofeedback 6 sessions", "biofeedback"},
      {"Therapeutic exercise x 4", "physical_medicine"},
      {"Electro acupuncture x 6", "acupuncture"},
      // Injections.
      {"One platelet-rich plasma injection to the right knee", "prp_injection"},
      {"Neuroplasty, lumbar spine", "adhesiolysis"},
      {"Injection of neurolytic substance, lumbar spine", "neurolysis"},
      // Drugs: the drug table's topic.
      {"Norco 10/325mg #60", "opioids"},
      {"Xanax 1mg #30", "benzodiazepines"},
      {"Post-op Colace 100mg #60", "opioid_constipation"},
  };
  for (const auto& [text, topic] : cases) {
    SCOPED_TRACE(text);
    const ParsedRequest r = parse(text);
    EXPECT_EQ(r.topic(), topic);
    EXPECT_NE(r.kind, ParsedRequest::Kind::kUnknown);
  }
  EXPECT_EQ(parse("Zorblax 10mg #30").topic(), "");
}

std::string region_table_error(const std::string& yaml) {
  try {
    BodyRegionTable::parse(yaml, "regions-test.yaml");
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

const std::string kSides = "laterality: {left: [left], right: [right], bilateral: [bilateral]}\n";

TEST(RequestRegionsTest, BrokenRegionTablesFailWithFileAndLine) {
  EXPECT_EQ(region_table_error("nothing: here\n"), "regions-test.yaml:1: expected a map with a 'regions' list");
  EXPECT_EQ(region_table_error("regions:\n  - id: knee\n    label: knee\n    words: [knee]\n"),
            "regions-test.yaml:1: expected a 'laterality' map (left, right, bilateral)");
  EXPECT_EQ(region_table_error(kSides + "regions:\n  - id: Knee\n    label: knee\n    words: [knee]\n"),
            "regions-test.yaml:3: region id 'Knee' must be snake_case (a-z, 0-9, _)");
  EXPECT_EQ(region_table_error(kSides + "regions:\n  - id: multiple\n    label: m\n    words: [many]\n"),
            "regions-test.yaml:3: region id 'multiple' is reserved");
  EXPECT_EQ(region_table_error(kSides + "regions:\n  - id: knee\n    label: knee\n    words: [knee]\n"
                                        "  - id: leg\n    label: leg\n    words: [leg, Knee]\n"),
            "regions-test.yaml:6: word 'Knee' is used by both region 'knee' and region 'leg'");
  EXPECT_EQ(region_table_error(kSides + "regions:\n  - id: knee\n    label: knee\n    words: [knee, left]\n"),
            "regions-test.yaml:3: word 'left' is used by both laterality 'left' and region 'knee'");
  EXPECT_EQ(region_table_error(kSides + "regions:\n  - id: knee\n    label: knee\n    part_of: leg\n    words: [knee]\n"),
            "regions-test.yaml:3: region 'knee' is part_of 'leg', which is not a region");
  EXPECT_EQ(region_table_error(kSides + "regions:\n  - id: knee\n    label: knee\n    words: [knee]\n"
                                        "    patterns: ['(unclosed']\n"),
            "regions-test.yaml:6: pattern '(unclosed' does not compile: missing ): (unclosed");
  EXPECT_EQ(region_table_error(kSides + "regions:\n  - id: knee\n    words: [knee]\n"),
            "regions-test.yaml:3: missing 'label'");
  EXPECT_EQ(region_table_error(kSides + "regions:\n  - id: knee\n    label: knee\n    words: []\n"),
            "regions-test.yaml:5: 'words' is empty");
}

std::string service_table_error(const std::string& yaml) {
  try {
    ServiceTable::parse(yaml, "services-test.yaml",
                        BodyRegionTable::parse(kSides + "regions:\n  - id: knee\n    label: knee\n    words: [knee]\n",
                                               "regions-test.yaml"));
  } catch (const DataError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(RequestRegionsTest, BrokenServiceTopicsFailWithFileAndLine) {
  EXPECT_EQ(service_table_error("qualifiers: {preoperative: [pre-op]}\nservices:\n"
                                "  - name: ekg\n    topic: ekg\n    topic_when: {postoperative: x}\n"),
            "services-test.yaml:3: service 'ekg': topic_when names 'postoperative', which is not a qualifier");
  EXPECT_EQ(service_table_error("services:\n  - name: surgery\n    topic: surgery\n    topic_by_region: {hip: surgery_hip}\n"),
            "services-test.yaml:2: service 'surgery': topic_by_region names 'hip', which is not a body region");
  EXPECT_EQ(service_table_error("services:\n  - name: mri\n    topic: imaging_mri\nregions:\n  - name: knee\n"),
            "services-test.yaml:5: body regions are read from body_regions.yaml, not here");
  EXPECT_EQ(service_table_error("services:\n  - name: surgery\n    topic: surgery\n    topic_by_region: {knee: surgery_knee}\n"),
            "(no error)");
}

TEST(RequestRegionsTest, BundledTablesLoadAndAMissingRegionFileIsNamed) {
  const std::string data = std::string(IMR_SOURCE_DIR) + "/data";
  const BodyRegionTable t = BodyRegionTable::load(data + "/body_regions.yaml");
  EXPECT_GE(t.regions().size(), 15u);
  for (const auto& r : t.regions()) EXPECT_FALSE(r.label.empty()) << r.id;
  try {
    ServiceTable::load(data + "/services.yaml", "/nonexistent/body_regions.yaml");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "/nonexistent/body_regions.yaml");
  }
}

}  // namespace
}  // namespace imr
