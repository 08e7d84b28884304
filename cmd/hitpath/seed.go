package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/app/security"
	"hitpath/models"
)

// referenceSeeder loads one kind of reference content.
type referenceSeeder struct {
	name string
	run  func(ctx context.Context, db *gorm.DB) error
}

// referenceSeeders are what `hitpath seed` loads without --demo. The server also loads
// them at start; the command is for loading them into a database without serving.
func referenceSeeders() []referenceSeeder {
	return []referenceSeeder{{name: "career reference content", run: func(ctx context.Context, db *gorm.DB) error {
		_, err := app.SeedReferenceContent(ctx, db, time.Now().UTC())
		return err
	}}}
}

// runSeed handles `hitpath seed [--demo --students N --seed S --password P]`.
func runSeed(ctx context.Context, cfg app.Config, args []string) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	demo := fs.Bool("demo", false, "generate a demo school (instructors, cohorts, students with two years of history)")
	students := fs.Int("students", 500, "number of demo students")
	cohorts := fs.Int("cohorts", 10, "number of demo cohorts")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same school")
	password := fs.String("password", "", "password of every demo account (generated and printed when omitted)")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("seed: %w (usage: hitpath seed [--demo --students N --cohorts C --seed S --password P])", err)
	}
	db, err := app.OpenDB(cfg)
	if err != nil {
		return err
	}
	if err := app.Migrate(ctx, db); err != nil {
		return err
	}
	for _, s := range referenceSeeders() {
		if err := s.run(ctx, db); err != nil {
			return fmt.Errorf("seed %s: %w", s.name, err)
		}
		fmt.Println("seeded", s.name)
	}
	if !*demo {
		return nil
	}
	return seedDemo(ctx, cfg, db, *students, *cohorts, *seed, *password)
}

func seedDemo(ctx context.Context, cfg app.Config, db *gorm.DB, students, cohorts int, seed uint64, password string) error {
	if students < 0 || students > 100_000 {
		return errors.New("seed: --students must be between 0 and 100000")
	}
	if password == "" {
		password = generatePassword()
	}
	hasher, err := security.NewHasher(cfg.PasswordCost)
	if err != nil {
		return err
	}
	hash, err := hasher.Hash(password)
	if err != nil {
		return err
	}
	started := time.Now()
	res, err := models.SeedDemoSchool(ctx, db, models.DemoOptions{Students: students, Cohorts: cohorts, Seed: seed, PasswordHash: hash})
	if errors.Is(err, models.ErrDemoSeeded) {
		return fmt.Errorf("seed: %w; it was not changed (use a fresh database to generate another)", err)
	}
	if err != nil {
		return err
	}
	fmt.Printf("Demo school generated in %s: %d students in %d cohorts, %d study sessions, %d practice exams.\n",
		time.Since(started).Round(time.Millisecond), res.Students, len(res.CohortIDs), res.StudySessions, res.PracticeExams)
	fmt.Printf("Instructors (password %q):\n", password)
	for _, u := range res.Instructors {
		fmt.Printf("  %s\n", u.Email)
	}
	fmt.Printf("Students log in as student0001@%s … with the same password.\n", models.DemoEmailDomain)
	return nil
}
