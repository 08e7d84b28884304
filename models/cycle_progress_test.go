package models

import (
	"slices"
	"testing"
)

// cycleWant is what a progress test asserts about one cycle: what a holder sees.
type cycleWant struct {
	credentials []string
	required    int
	earned      int
	remaining   int
	shortfall   int
	status      CycleStatus
	problems    []string
}

func TestProgress(t *testing.T) {
	ahimaHIIM := with(hiimCEU(), func(a *CEUActivity) { a.ProviderKind = ProviderAHIMA })
	notHIIM := with(ahimaHIIM, func(a *CEUActivity) { a.InHIIMDomain = false })
	odsHour := CEUActivity{CEUs: 100, ProviderKind: ProviderOther, Delivery: DeliveryOnline}
	categoryA := with(odsHour, func(a *CEUActivity) { a.CategoryA = true })
	tests := []struct {
		name       string
		held       []HeldCredentialFacts
		activities []CEUActivity
		today      string
		body       string
		cycleStart string
		want       cycleWant
	}{
		{
			name:       "worked example: RHIT 2024-03-15, 12 CEUs on 2026-01-01 is behind",
			held:       []HeldCredentialFacts{held("RHIT", "2024-03-15")},
			activities: repeat(12, date("2024-04-01"), hiimCEU()),
			today:      "2026-01-01", body: "AHIMA", cycleStart: "2024-03-15",
			want: cycleWant{[]string{"RHIT"}, 2000, 1200, 800, 800, StatusBehind, []string{
				"You need 8 more CEUs: 20 are required this cycle and 12 are logged.",
				"You need 4 more CEUs in HIIM domains: at least 16 of the 20 required must be in HIIM domains.",
			}},
		},
		{
			name:       "forecast on the last day is on track (2 CEUs short at 18.03 per 657 days)",
			held:       []HeldCredentialFacts{held("RHIT", "2024-03-15")},
			activities: append(repeat(17, date("2024-04-01"), hiimCEU()), with(hiimCEU(), func(a *CEUActivity) { a.Date, a.CEUs = date("2025-12-01"), 103 })),
			today:      "2026-01-01", body: "AHIMA", cycleStart: "2024-03-15",
			want: cycleWant{[]string{"RHIT"}, 2000, 1803, 197, 197, StatusOnTrack, []string{
				"You need 1.97 more CEUs: 20 are required this cycle and 18.03 are logged.",
			}},
		},
		{
			name:       "a hundredth less puts the forecast after the end: behind",
			held:       []HeldCredentialFacts{held("RHIT", "2024-03-15")},
			activities: append(repeat(17, date("2024-04-01"), hiimCEU()), with(hiimCEU(), func(a *CEUActivity) { a.Date, a.CEUs = date("2025-12-01"), 102 })),
			today:      "2026-01-01", body: "AHIMA", cycleStart: "2024-03-15",
			want: cycleWant{[]string{"RHIT"}, 2000, 1802, 198, 198, StatusBehind, []string{
				"You need 1.98 more CEUs: 20 are required this cycle and 18.02 are logged.",
			}},
		},
		{
			name:       "RHIT + CCA share a cycle: 30 CEUs, each activity counted once",
			held:       []HeldCredentialFacts{held("RHIT", "2024-03-15"), held("CCA", "2024-03-15")},
			activities: repeat(10, date("2024-04-01"), hiimCEU()),
			today:      "2025-01-01", body: "AHIMA", cycleStart: "2024-03-15",
			want: cycleWant{[]string{"RHIT", "CCA"}, 3000, 1000, 2000, 2000, StatusBehind, []string{
				"You need 20 more CEUs: 30 are required this cycle and 10 are logged.",
				"You need 14 more CEUs in HIIM domains: at least 24 of the 30 required must be in HIIM domains.",
			}},
		},
		{
			name:       "CCS + CCS-P = 30, complete",
			held:       []HeldCredentialFacts{held("CCS", "2023-05-01"), held("CCS-P", "2023-05-01")},
			activities: repeat(30, date("2023-06-01"), hiimCEU()),
			today:      "2024-06-01", body: "AHIMA", cycleStart: "2023-05-01",
			want: cycleWant{[]string{"CCS", "CCS-P"}, 3000, 3000, 0, 0, StatusComplete, nil},
		},
		{
			name:       "RHIA + CCS + CCS-P = 50",
			held:       []HeldCredentialFacts{held("RHIA", "2023-05-01"), held("CCS", "2023-05-01"), held("CCS-P", "2023-05-01")},
			activities: repeat(50, date("2023-06-01"), hiimCEU()),
			today:      "2024-06-01", body: "AHIMA", cycleStart: "2023-05-01",
			want: cycleWant{[]string{"RHIA", "CCS", "CCS-P"}, 5000, 5000, 0, 0, StatusComplete, nil},
		},
		{
			name:       "four credentials are capped at 50",
			held:       []HeldCredentialFacts{held("RHIA", "2023-05-01"), held("CCA", "2023-05-01"), held("CCS", "2023-05-01"), held("CCS-P", "2023-05-01")},
			activities: repeat(50, date("2023-06-01"), hiimCEU()),
			today:      "2024-06-01", body: "AHIMA", cycleStart: "2023-05-01",
			want: cycleWant{[]string{"RHIA", "CCA", "CCS", "CCS-P"}, 5000, 5000, 0, 0, StatusComplete, nil},
		},
		{
			name:  "RHIT cycle before the RHIA pass date: RHIT alone",
			held:  []HeldCredentialFacts{held("RHIT", "2020-03-15"), held("RHIA", "2023-01-10")},
			today: "2024-01-01", body: "AHIMA", cycleStart: "2020-03-15",
			activities: repeat(20, date("2020-04-01"), hiimCEU()),
			want:       cycleWant{[]string{"RHIT"}, 2000, 2000, 0, 0, StatusComplete, nil},
		},
		{
			name:  "RHIA replaces RHIT from the cycle it was passed in",
			held:  []HeldCredentialFacts{held("RHIT", "2020-03-15"), held("RHIA", "2023-01-10")},
			today: "2024-01-01", body: "AHIMA", cycleStart: "2022-03-15",
			activities: repeat(30, date("2022-04-01"), hiimCEU()),
			want:       cycleWant{[]string{"RHIA"}, 3000, 3000, 0, 0, StatusComplete, nil},
		},
		{
			name:  "RHIA replaces RHIT but not CCS: 40",
			held:  []HeldCredentialFacts{held("RHIT", "2020-03-15"), held("CCS", "2020-03-15"), held("RHIA", "2023-01-10")},
			today: "2024-01-01", body: "AHIMA", cycleStart: "2022-03-15",
			activities: repeat(40, date("2022-04-01"), hiimCEU()),
			want:       cycleWant{[]string{"CCS", "RHIA"}, 4000, 4000, 0, 0, StatusComplete, nil},
		},
		{
			name:  "a credential passed mid-cycle counts in that cycle",
			held:  []HeldCredentialFacts{held("RHIT", "2024-03-15"), held("CCA", "2025-01-10")},
			today: "2025-06-01", body: "AHIMA", cycleStart: "2024-03-15",
			activities: repeat(30, date("2024-04-01"), hiimCEU()),
			want:       cycleWant{[]string{"RHIT", "CCA"}, 3000, 3000, 0, 0, StatusComplete, nil},
		},
		{
			name:  "80% rule fails with the total met: 15 of 20 in HIIM domains",
			held:  []HeldCredentialFacts{held("RHIT", "2025-06-01")},
			today: "2026-01-01", body: "AHIMA", cycleStart: "2025-06-01",
			activities: append(repeat(15, date("2025-06-01"), ahimaHIIM), repeat(5, date("2025-09-01"), notHIIM)...),
			want: cycleWant{[]string{"RHIT"}, 2000, 2000, 0, 100, StatusOnTrack, []string{
				"You need 1 more CEU in HIIM domains: at least 16 of the 20 required must be in HIIM domains.",
			}},
		},
		{
			name:  "80% rule still unmet after the end: inactive",
			held:  []HeldCredentialFacts{held("RHIT", "2025-06-01")},
			today: "2027-06-01", body: "AHIMA", cycleStart: "2025-06-01",
			activities: append(repeat(15, date("2025-06-01"), ahimaHIIM), repeat(5, date("2025-09-01"), notHIIM)...),
			want: cycleWant{[]string{"RHIT"}, 2000, 2000, 0, 100, StatusInactive, []string{
				"You need 1 more CEU in HIIM domains: at least 16 of the 20 required must be in HIIM domains.",
			}},
		},
		{
			name:  "CEUs beyond the requirement may be on anything",
			held:  []HeldCredentialFacts{held("RHIT", "2025-06-01")},
			today: "2026-01-01", body: "AHIMA", cycleStart: "2025-06-01",
			activities: append(repeat(16, date("2025-06-01"), ahimaHIIM), repeat(14, date("2025-09-01"), notHIIM)...),
			want:       cycleWant{[]string{"RHIT"}, 2000, 3000, 0, 0, StatusComplete, nil},
		},
		{
			name:  "40% rule applies to a cycle starting 2025-01-01",
			held:  []HeldCredentialFacts{held("RHIT", "2025-01-01")},
			today: "2025-12-01", body: "AHIMA", cycleStart: "2025-01-01",
			activities: repeat(20, date("2025-01-01"), hiimCEU()),
			want: cycleWant{[]string{"RHIT"}, 2000, 2000, 0, 800, StatusBehind, []string{
				"You need 8 more CEUs from AHIMA or a component state association: at least 8 of the 20 required must come from them.",
			}},
		},
		{
			name:  "40% rule does not apply to a cycle starting 2024-12-31",
			held:  []HeldCredentialFacts{held("RHIT", "2024-12-31")},
			today: "2025-12-01", body: "AHIMA", cycleStart: "2024-12-31",
			activities: repeat(20, date("2025-01-01"), hiimCEU()),
			want:       cycleWant{[]string{"RHIT"}, 2000, 2000, 0, 0, StatusComplete, nil},
		},
		{
			name:  "component association CEUs count toward the 40% rule",
			held:  []HeldCredentialFacts{held("RHIT", "2025-01-01")},
			today: "2025-12-01", body: "AHIMA", cycleStart: "2025-01-01",
			activities: append(repeat(12, date("2025-01-01"), hiimCEU()),
				repeat(8, date("2025-05-01"), with(hiimCEU(), func(a *CEUActivity) { a.ProviderKind = ProviderComponent }))...),
			want: cycleWant{[]string{"RHIT"}, 2000, 2000, 0, 0, StatusComplete, nil},
		},
		{
			name:  "ODS between the end and Jan 31 with Category A short: overdue",
			held:  []HeldCredentialFacts{held("ODS", "2021-05-10")},
			today: "2024-01-15", body: "NCRA", cycleStart: "2021-05-10",
			activities: append(repeat(17, date("2021-06-01"), odsHour), repeat(3, date("2022-06-01"), categoryA)...),
			want: cycleWant{[]string{"ODS"}, 2000, 2000, 0, 100, StatusOverdue, []string{
				"You need 1 more Category A hour (directly assigned staging or site-specific coding): at least 4 of the 20 hours required must be Category A.",
			}},
		},
		{
			name:  "ODS unmet after Jan 31: inactive",
			held:  []HeldCredentialFacts{held("ODS", "2021-05-10")},
			today: "2024-02-01", body: "NCRA", cycleStart: "2021-05-10",
			activities: append(repeat(17, date("2021-06-01"), odsHour), repeat(3, date("2022-06-01"), categoryA)...),
			want: cycleWant{[]string{"ODS"}, 2000, 2000, 0, 100, StatusInactive, []string{
				"You need 1 more Category A hour (directly assigned staging or site-specific coding): at least 4 of the 20 hours required must be Category A.",
			}},
		},
		{
			name:  "ODS with 4 Category A hours is complete",
			held:  []HeldCredentialFacts{held("ODS", "2021-05-10")},
			today: "2024-01-15", body: "NCRA", cycleStart: "2021-05-10",
			activities: append(repeat(16, date("2021-06-01"), odsHour), repeat(4, date("2022-06-01"), categoryA)...),
			want:       cycleWant{[]string{"ODS"}, 2000, 2000, 0, 0, StatusComplete, nil},
		},
		{
			name:  "ODS in person: 8 hours across this cycle and the previous one",
			held:  []HeldCredentialFacts{held("ODS", "2021-05-10")},
			today: "2026-06-01", body: "NCRA", cycleStart: "2026-01-01",
			activities: append(repeat(5, date("2024-06-01"), with(categoryA, func(a *CEUActivity) { a.Delivery = DeliveryInPerson })),
				repeat(20, date("2026-01-01"), categoryA)...),
			want: cycleWant{[]string{"ODS"}, 2000, 2000, 0, 300, StatusOnTrack, []string{
				"You need 3 more in-person hours: at least 8 hours are required across this cycle and the previous one.",
			}},
		},
		{
			name:  "unmet AHIMA cycle just ended: inactive",
			held:  []HeldCredentialFacts{held("RHIT", "2022-01-10")},
			today: "2024-07-06", body: "AHIMA", cycleStart: "2022-01-10",
			activities: repeat(10, date("2022-02-01"), hiimCEU()),
			want: cycleWant{[]string{"RHIT"}, 2000, 1000, 1000, 1000, StatusInactive, []string{
				"You need 10 more CEUs: 20 are required this cycle and 10 are logged.",
				"You need 6 more CEUs in HIIM domains: at least 16 of the 20 required must be in HIIM domains.",
			}},
		},
		{
			name:  "unmet AHIMA cycle 180 days after the end: revoked",
			held:  []HeldCredentialFacts{held("RHIT", "2022-01-10")},
			today: "2024-07-07", body: "AHIMA", cycleStart: "2022-01-10",
			activities: repeat(10, date("2022-02-01"), hiimCEU()),
			want: cycleWant{[]string{"RHIT"}, 2000, 1000, 1000, 1000, StatusRevoked, []string{
				"You need 10 more CEUs: 20 are required this cycle and 10 are logged.",
				"You need 6 more CEUs in HIIM domains: at least 16 of the 20 required must be in HIIM domains.",
			}},
		},
		{
			name:  "pre-2021 coding cycle: self-review reminder",
			held:  []HeldCredentialFacts{held("CCS", "2017-03-01")},
			today: "2021-06-01", body: "AHIMA", cycleStart: "2017-03-01",
			activities: repeat(20, date("2017-04-01"), hiimCEU()),
			want: cycleWant{[]string{"CCS"}, 2000, 2000, 0, 0, StatusComplete, []string{
				"Check your coding self-reviews for CCS: the rules for this cycle required 2 annual self-reviews, each worth 5 CEUs of the 20 CEUs. hitpath can't see them, so confirm them with AHIMA.",
			}},
		},
		{
			name:  "coding cycle starting in 2021: no self-review reminder",
			held:  []HeldCredentialFacts{held("CCS", "2017-03-01")},
			today: "2021-06-01", body: "AHIMA", cycleStart: "2021-03-01",
			activities: repeat(20, date("2021-03-01"), hiimCEU()),
			want:       cycleWant{[]string{"CCS"}, 2000, 2000, 0, 0, StatusComplete, nil},
		},
		{
			name:  "pass date ahead: upcoming",
			held:  []HeldCredentialFacts{held("RHIT", "2026-03-01")},
			today: "2026-01-01", body: "AHIMA", cycleStart: "2026-03-01",
			want: cycleWant{[]string{"RHIT"}, 2000, 0, 2000, 2000, StatusUpcoming, []string{
				"You need 20 more CEUs: 20 are required this cycle and 0 are logged.",
				"You need 16 more CEUs in HIIM domains: at least 16 of the 20 required must be in HIIM domains.",
				"You need 8 more CEUs from AHIMA or a component state association: at least 8 of the 20 required must come from them.",
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := cycleStarting(t, progressOn(tt.today, tt.held, tt.activities), tt.body, tt.cycleStart)
			got := cycleWant{p.Credentials, p.Required, p.Earned, p.Remaining, p.Shortfall, p.Status, p.Problems}
			if !slices.Equal(got.credentials, tt.want.credentials) {
				t.Errorf("credentials: got %v, want %v", got.credentials, tt.want.credentials)
			}
			gotAmounts := []int{got.required, got.earned, got.remaining, got.shortfall}
			wantAmounts := []int{tt.want.required, tt.want.earned, tt.want.remaining, tt.want.shortfall}
			if !slices.Equal(gotAmounts, wantAmounts) {
				t.Errorf("required, earned, remaining, shortfall: got %v, want %v", gotAmounts, wantAmounts)
			}
			if got.status != tt.want.status {
				t.Errorf("status: got %v, want %v", got.status, tt.want.status)
			}
			if !slices.Equal(got.problems, tt.want.problems) {
				t.Errorf("problems:\ngot  %q\nwant %q", got.problems, tt.want.problems)
			}
		})
	}
}
