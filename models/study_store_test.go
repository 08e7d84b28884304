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

func TestStudyLogIsScopedToItsLearner(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx, now := context.Background(), time.Now().UTC()
		ana, ben := newLearner(t, db, "ana@example.com"), newLearner(t, db, "ben@example.com")
		for i, d := range []string{"2025-03-01", "2025-03-03", "2025-03-02"} {
			e := models.StudyLogEntry{UserID: ana, StudiedOn: day(d), Minutes: 30 + i, CredentialCode: "RHIT", DomainPosition: 2, Topic: "HIPAA"}
			if err := models.CreateStudyLogEntry(ctx, db, &e, now); err != nil {
				t.Fatal(err)
			}
		}
		log, err := models.StudyLog(ctx, db, ana)
		if err != nil {
			t.Fatal(err)
		}
		if len(log) != 3 || !log[0].StudiedOn.Equal(day("2025-03-03")) || log[0].Minutes != 31 {
			t.Fatalf("got %+v, want 3 sessions newest first", log)
		}
		if streak := models.StudyStreak(models.StudyDates(models.StudySessions(log)), day("2025-03-03")); streak != 3 {
			t.Fatalf("got streak %d, want 3", streak)
		}
		if err := models.DeleteStudyLogEntry(ctx, db, ben, log[0].ID); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound deleting another learner's session", err)
		}
		if err := models.DeleteStudyLogEntry(ctx, db, ana, log[0].ID); err != nil {
			t.Fatal(err)
		}
		if other, _ := models.StudyLog(ctx, db, ben); len(other) != 0 {
			t.Fatalf("got %d sessions for another learner, want 0", len(other))
		}
	})
}

func TestValidateStudyEntry(t *testing.T) {
	outline := models.DefaultExamOutlines()["RHIT"]
	today := day("2025-03-10")
	ok := models.StudyLogEntry{StudiedOn: today, Minutes: 45, CredentialCode: "RHIT", DomainPosition: 6}
	tests := []struct {
		name  string
		edit  func(*models.StudyLogEntry)
		field string
	}{
		{"valid", func(*models.StudyLogEntry) {}, ""},
		{"zero minutes", func(e *models.StudyLogEntry) { e.Minutes = 0 }, "minutes"},
		{"too many minutes", func(e *models.StudyLogEntry) { e.Minutes = 721 }, "minutes"},
		{"720 minutes", func(e *models.StudyLogEntry) { e.Minutes = 720 }, ""},
		{"domain 7", func(e *models.StudyLogEntry) { e.DomainPosition = 7 }, "domain_position"},
		{"future date", func(e *models.StudyLogEntry) { e.StudiedOn = day("2025-03-11") }, "studied_on"},
		{"no date", func(e *models.StudyLogEntry) { e.StudiedOn = time.Time{} }, "studied_on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ok
			tt.edit(&e)
			got := models.ValidateStudyEntry(e, outline, today)
			if (tt.field == "") != (got == nil) || (tt.field != "" && got[tt.field] == "") {
				t.Fatalf("got %v, want an error on %q only", got, tt.field)
			}
		})
	}
}

func TestPracticeExamSavesScoresInOneTransaction(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx, now := context.Background(), time.Now().UTC()
		ana, ben := newLearner(t, db, "ana@example.com"), newLearner(t, db, "ben@example.com")
		r := models.PracticeExamRecord{UserID: ana, CredentialCode: "RHIT", TakenOn: day("2025-03-01"), Source: "AHIMA", OverallPercent: 71.456,
			Scores: []models.PracticeExamScore{{DomainPosition: 1, Percent: 60}, {DomainPosition: 2, Percent: 82.5}}}
		if err := models.CreatePracticeExam(ctx, db, &r, now); err != nil {
			t.Fatal(err)
		}
		bad := models.PracticeExamRecord{UserID: ana, CredentialCode: "RHIT", TakenOn: day("2025-03-02"), OverallPercent: 50,
			Scores: []models.PracticeExamScore{{DomainPosition: 1, Percent: 60}, {DomainPosition: 1, Percent: 70}}}
		if err := models.CreatePracticeExam(ctx, db, &bad, now); err == nil {
			t.Fatal("got a duplicate domain score saved, want the insert refused")
		}
		got, err := models.PracticeExams(ctx, db, ana)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].OverallPercent != 71.46 || len(got[0].Scores) != 2 || got[0].Scores[1].Percent != 82.5 {
			t.Fatalf("got %+v, want the one attempt with two scores (the refused one left nothing)", got)
		}
		var orphans int64
		db.Table("practice_exams").Count(&orphans)
		if orphans != 1 {
			t.Fatalf("got %d practice_exams rows, want 1", orphans)
		}
		if err := models.DeletePracticeExam(ctx, db, ben, got[0].ID, time.Now()); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound for another learner", err)
		}
		if err := models.DeletePracticeExam(ctx, db, ana, got[0].ID, time.Now()); err != nil {
			t.Fatal(err)
		}
		var scores int64
		db.Table("practice_exam_scores").Count(&scores)
		if scores != 0 {
			t.Fatalf("got %d scores after deleting the attempt, want 0", scores)
		}
	})
}

func TestValidatePracticeExam(t *testing.T) {
	ods := models.DefaultExamOutlines()["ODS"]
	today := day("2025-03-10")
	tests := []struct {
		name  string
		r     models.PracticeExamRecord
		field string
	}{
		{"valid", models.PracticeExamRecord{CredentialCode: "ODS", TakenOn: today, OverallPercent: 80, Scores: []models.PracticeExamScore{{DomainPosition: 4, Percent: 100}}}, ""},
		{"overall over 100", models.PracticeExamRecord{CredentialCode: "ODS", TakenOn: today, OverallPercent: 101}, "overall_percent"},
		{"negative domain", models.PracticeExamRecord{CredentialCode: "ODS", TakenOn: today, Scores: []models.PracticeExamScore{{DomainPosition: 1, Percent: -1}}}, "domain_1"},
		{"domain 5 of ODS", models.PracticeExamRecord{CredentialCode: "ODS", TakenOn: today, Scores: []models.PracticeExamScore{{DomainPosition: 5, Percent: 50}}}, "domain_5"},
		{"future", models.PracticeExamRecord{CredentialCode: "ODS", TakenOn: day("2025-03-11")}, "taken_on"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := models.ValidatePracticeExam(tt.r, ods, today)
			if (tt.field == "") != (got == nil) || (tt.field != "" && got[tt.field] == "") {
				t.Fatalf("got %v, want an error on %q only", got, tt.field)
			}
		})
	}
}

func TestCourseworkProgressAndAdminCourse(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx, now := context.Background(), time.Now().UTC()
		ana := newLearner(t, db, "ana@example.com")
		cw, err := models.LearnerCoursework(ctx, db, ana)
		if err != nil {
			t.Fatal(err)
		}
		if len(cw.Items) != 8 || cw.Items[0].Course.Name != "Medical terminology" || cw.PercentComplete != 0 {
			t.Fatalf("got %+v, want the 8 seeded courses and 0%%", cw)
		}
		for _, id := range []int64{cw.Items[0].Course.ID, cw.Items[1].Course.ID} {
			lc := models.LearnerCourse{UserID: ana, CourseID: id, Status: "in_progress", DueOn: dayPtr("2025-05-01")}
			if _, err := models.SaveLearnerCourse(ctx, db, &lc, now); err != nil {
				t.Fatal(err)
			}
			lc = models.LearnerCourse{UserID: ana, CourseID: id, Status: "completed", CompletedOn: dayPtr("2025-03-01"), Grade: "A"}
			if _, err := models.SaveLearnerCourse(ctx, db, &lc, now); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := models.SaveLearnerCourse(ctx, db, &models.LearnerCourse{UserID: ana, CourseID: 9999, Status: "planned"}, now); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound for an unknown course", err)
		}
		c := models.Course{Name: "Cancer registry basics"}
		if err := models.CreateCourse(ctx, db, models.AuditActor{UserID: ana}, &c); err != nil {
			t.Fatal(err)
		}
		if err := models.CreateCourse(ctx, db, models.AuditActor{UserID: ana}, &models.Course{Name: "Cancer registry basics"}); !errors.Is(err, models.ErrDuplicateCourse) {
			t.Fatalf("got %v, want ErrDuplicateCourse", err)
		}
		cw, _ = models.LearnerCoursework(ctx, db, ana)
		if len(cw.Items) != 9 || cw.Completed != 2 || cw.PercentComplete != 22 || cw.Items[8].Course.Position != 9 || cw.Items[0].Progress.Grade != "A" {
			t.Fatalf("got %d items, %d completed, %d%%, want 9, 2, 22%%", len(cw.Items), cw.Completed, cw.PercentComplete)
		}
	})
}
