package models

// TargetCredential is the credential a student is preparing to earn. The values are
// the codes used as keys of DefaultExamOutlines and stored on a pathway.
type TargetCredential string

// The credentials a student can aim for in hitpath.
const (
	// TargetCCA is AHIMA's Certified Coding Associate.
	TargetCCA TargetCredential = "CCA"
	// TargetRHIT is AHIMA's Registered Health Information Technician.
	TargetRHIT TargetCredential = "RHIT"
	// TargetODS is NCRA's Oncology Data Specialist (formerly CTR).
	TargetODS TargetCredential = "ODS"
)

// ExamDomain is one content area of a certification exam with the share of the exam
// it makes up, as a range because the certifying bodies publish ranges.
type ExamDomain struct {
	Position   int // 1-based order in the published outline; practice scores refer to it
	Name       string
	WeightLow  int // percent of the exam, lower bound
	WeightHigh int // percent of the exam, upper bound
}

// Midpoint is the domain's weight used by readiness and study plans: the middle of the
// published range, since the bodies do not say where in the range a given form falls.
func (d ExamDomain) Midpoint() float64 {
	return float64(d.WeightLow+d.WeightHigh) / 2
}

// DefaultExamOutlines returns the seed exam outlines keyed by TargetCredential code.
// They are seed data: the exam_domains table holds the live copy and admins edit it,
// so nothing outside seeding should read this map. Each call returns fresh slices so
// a caller cannot change another caller's data.
//
// Sources (see shared/domain/credentials.md):
//   - CCA: AHIMA's content outline, weights as published.
//   - RHIT: domain names confirmed; sources disagree on weights, so the seed uses
//     19–25 / 14–18 / 14–18 / 14–18 / 12–16 / 8–12 and admins correct them.
//   - ODS: weights are not published here. The four domain names follow NCRA's current
//     ODS exam structure as reported by exam-prep material (legal and ethical aspects,
//     registry operations, data identification, coding and abstraction); that material
//     quotes 17 / 25 / 25 / 33 %, but it is not NCRA's own handbook, so the seed gives
//     equal weights (25 % each) and an admin enters the handbook's figures.
func DefaultExamOutlines() map[string][]ExamDomain {
	return map[string][]ExamDomain{
		string(TargetCCA): {
			{Position: 1, Name: "Clinical Classification Systems", WeightLow: 30, WeightHigh: 34},
			{Position: 2, Name: "Reimbursement Methodologies", WeightLow: 21, WeightHigh: 25},
			{Position: 3, Name: "Health Records and Data Content", WeightLow: 13, WeightHigh: 17},
			{Position: 4, Name: "Compliance", WeightLow: 12, WeightHigh: 16},
			{Position: 5, Name: "Information Technologies", WeightLow: 6, WeightHigh: 10},
			{Position: 6, Name: "Confidentiality and Privacy", WeightLow: 6, WeightHigh: 10},
		},
		string(TargetRHIT): {
			{Position: 1, Name: "Data Content, Structure, and Information Governance", WeightLow: 19, WeightHigh: 25},
			{Position: 2, Name: "Access, Disclosure, Privacy, and Security", WeightLow: 14, WeightHigh: 18},
			{Position: 3, Name: "Data Analytics and Use", WeightLow: 14, WeightHigh: 18},
			{Position: 4, Name: "Revenue Cycle Management", WeightLow: 14, WeightHigh: 18},
			{Position: 5, Name: "Compliance", WeightLow: 12, WeightHigh: 16},
			{Position: 6, Name: "Leadership", WeightLow: 8, WeightHigh: 12},
		},
		// Equal weights on purpose: see the function comment.
		string(TargetODS): {
			{Position: 1, Name: "Legal and Ethical Aspects of Cancer Registry Work", WeightLow: 25, WeightHigh: 25},
			{Position: 2, Name: "Cancer Registry Operations", WeightLow: 25, WeightHigh: 25},
			{Position: 3, Name: "Cancer Registry Data Identification", WeightLow: 25, WeightHigh: 25},
			{Position: 4, Name: "Cancer Registry Coding and Abstraction", WeightLow: 25, WeightHigh: 25},
		},
	}
}
