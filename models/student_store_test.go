package models_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func dayPtr(s string) *time.Time { d := day(s); return &d }

func newLearner(t *testing.T, db *gorm.DB, email string) int64 {
	t.Helper()
	u := models.User{Email: email, Name: "Learner", PasswordHash: "x", CreatedAt: time.Now().UTC(), UpdatedAt: time.Now().UTC()}
	if err := models.CreateUser(context.Background(), db, &u); err != nil {
		t.Fatalf("create user: %v", err)
	}
	return u.ID
}

func TestSavePathwayRoundTripsAndGrantsCredentialOnce(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx, now := context.Background(), time.Now().UTC()
		uid := newLearner(t, db, "ana@example.com")
		p := models.Pathway{UserID: uid, TargetCode: "RHIT", Education: "high_school", Accreditation: "yes",
			ProgramStart: dayPtr("2024-09-01"), ExpectedGraduation: dayPtr("2026-05-15"), ExamResult: "none", ODSProgram: ""}
		granted, err := models.SavePathway(ctx, db, &p, now)
		if err != nil || granted {
			t.Fatalf("got granted=%v err=%v, want a saved pathway and no credential", granted, err)
		}
		got, err := models.PathwayForUser(ctx, db, uid)
		if err != nil {
			t.Fatal(err)
		}
		if !got.ProgramStart.Equal(day("2024-09-01")) || got.TargetCode != "RHIT" || got.LastTermStart != nil {
			t.Fatalf("got %+v, want the saved facts back", got)
		}
		if _, err := models.HeldCredentialEarnedOn(ctx, db, uid, "RHIT"); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("got %v, want no held credential before a pass", err)
		}

		for i := range 2 {
			saved, granted, err := models.RecordPass(ctx, db, uid, day("2026-06-10"), now)
			if err != nil {
				t.Fatal(err)
			}
			if want := i == 0; granted != want {
				t.Fatalf("pass %d: got granted=%v, want %v", i, granted, want)
			}
			if !saved.Passed() {
				t.Fatalf("got %+v, want the pathway marked passed", saved)
			}
		}
		earned, err := models.HeldCredentialEarnedOn(ctx, db, uid, "RHIT")
		if err != nil || !earned.Equal(day("2026-06-10")) {
			t.Fatalf("got earned_on %v err %v, want 2026-06-10", earned, err)
		}
		holder, err := models.LoadHolder(ctx, db, uid, day("2026-09-01"))
		if err != nil || len(holder.Held) != 1 || holder.Held[0].CurrentAsOf == nil || !holder.Held[0].CurrentAsOf.Equal(day("2026-06-10")) {
			t.Fatalf("got %+v %v, want the passed credential current from its pass date", holder.Held, err)
		}
		if len(holder.Progress.Cycles) == 0 || holder.Progress.Cycles[0].Status == models.StatusLapsed {
			t.Fatalf("got cycles %+v, want the first cycle tracked, not lapsed", holder.Progress.Cycles)
		}
		var n int64
		db.Table("held_credentials").Where("user_id = ?", uid).Count(&n)
		if n != 1 {
			t.Fatalf("got %d held credentials, want 1", n)
		}
		if p2, err := models.PathwayForUser(ctx, db, uid); err != nil || p2.CreatedAt.IsZero() || !p2.PassedOn.Equal(day("2026-06-10")) {
			t.Fatalf("got %+v %v, want the pass stored", p2, err)
		}
	})
}

func TestPathwayForUserWithoutOneIsNotFound(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		uid := newLearner(t, db, "ana@example.com")
		if _, err := models.PathwayForUser(context.Background(), db, uid); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound", err)
		}
	})
}

func TestValidatePathway(t *testing.T) {
	today := day("2025-03-01")
	base := models.Pathway{TargetCode: "RHIT", ExamResult: "none", ProgramStart: dayPtr("2024-09-01")}
	with := func(edit func(*models.Pathway)) models.Pathway { p := base; edit(&p); return p }
	tests := []struct {
		name     string
		p        models.Pathway
		previous *models.Pathway
		field    string
	}{
		{"valid", base, nil, ""},
		{"unknown target", with(func(p *models.Pathway) { p.TargetCode = "XYZ" }), nil, "target"},
		{"exam in the past when scheduling", with(func(p *models.Pathway) { p.ExamScheduledOn = dayPtr("2025-02-01") }), nil, "exam_scheduled_on"},
		{"past exam already saved", with(func(p *models.Pathway) { p.ExamScheduledOn = dayPtr("2025-02-01") }),
			&models.Pathway{ExamScheduledOn: dayPtr("2025-02-01")}, ""},
		{"exam today", with(func(p *models.Pathway) { p.ExamScheduledOn = dayPtr("2025-03-01") }), nil, ""},
		{"pass before program start", with(func(p *models.Pathway) { p.ExamResult = "passed"; p.PassedOn = dayPtr("2024-08-01") }), nil, "passed_on"},
		{"pass in the future", with(func(p *models.Pathway) { p.ExamResult = "passed"; p.PassedOn = dayPtr("2025-03-02") }), nil, "passed_on"},
		{"passed without date", with(func(p *models.Pathway) { p.ExamResult = "passed" }), nil, "passed_on"},
		{"pass date without pass", with(func(p *models.Pathway) { p.PassedOn = dayPtr("2025-01-02") }), nil, "passed_on"},
		{"graduation before start", with(func(p *models.Pathway) { p.ExpectedGraduation = dayPtr("2024-01-01") }), nil, "expected_graduation"},
		{"last term before start", with(func(p *models.Pathway) { p.LastTermStart = dayPtr("2024-01-01") }), nil, "last_term_start"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := models.ValidatePathway(tt.p, tt.previous, today)
			if tt.field == "" && got != nil {
				t.Fatalf("got %v, want no errors", got)
			}
			if tt.field != "" && got[tt.field] == "" {
				t.Fatalf("got %v, want an error on %s", got, tt.field)
			}
		})
	}
}

func TestFirstCycle(t *testing.T) {
	start, end := models.FirstCycle(day("2024-03-15"))
	if !start.Equal(day("2024-03-15")) || !end.Equal(day("2026-03-14")) {
		t.Fatalf("got %v…%v, want 2024-03-15…2026-03-14", start, end)
	}
}

func TestExamOutlineForReadsTheTable(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		tests := []struct {
			code  string
			count int
			first string
		}{{"RHIT", 6, "Data Content, Structure, and Information Governance"}, {"ODS", 4, "Legal and Ethical Aspects of Cancer Registry Work"}, {"CCS", 0, ""}}
		for _, tt := range tests {
			outline, err := models.ExamOutlineFor(context.Background(), db, tt.code)
			if err != nil {
				t.Fatal(err)
			}
			if len(outline) != tt.count || (tt.count > 0 && outline[0].Name != tt.first) {
				t.Fatalf("%s: got %v, want %d domains starting %q", tt.code, outline, tt.count, tt.first)
			}
		}
	})
}
