package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/models"
)

// runImport handles `hitpath import ceus FILE.csv --user EMAIL`: all or nothing, each
// bad line reported by number, a progress bar on stderr while saving.
func runImport(ctx context.Context, cfg app.Config, args []string) error {
	const usage = "usage: hitpath import ceus FILE.csv --user EMAIL"
	if len(args) < 2 || args[0] != "ceus" {
		return errors.New(usage)
	}
	fs := flag.NewFlagSet("import ceus", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	email := fs.String("user", "", "email of the learner the activities belong to")
	path, rest := args[1], args[2:]
	if strings.HasPrefix(path, "-") && len(args) > 3 { // flags given before the file
		path, rest = args[len(args)-1], args[1:len(args)-1]
	}
	if err := fs.Parse(rest); err != nil || *email == "" {
		return errors.New(usage)
	}
	db, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	file, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer file.Close()
	zone, _ := models.ParseTimeZone(cfg.DefaultTimeZone)
	n, err := importCEUFile(ctx, db, file, *email, time.Now().UTC(), zone, os.Stderr)
	if err != nil {
		return err
	}
	fmt.Printf("Imported %d activities for %s.\n", n, models.NormalizeEmail(*email))
	return nil
}

// importCEUFile parses and saves a CSV for the user with email, drawing progress on
// bar; "today" is the user's date at now (defaultZone when they chose no zone).
// Problems are written to bar, one a line, and nothing is saved.
func importCEUFile(ctx context.Context, db *gorm.DB, r io.Reader, email string, now time.Time, defaultZone *time.Location, bar io.Writer) (int, error) {
	user, err := models.UserByEmail(ctx, db, email)
	if errors.Is(err, models.ErrNotFound) {
		return 0, fmt.Errorf("no account has the email %s", email)
	}
	if err != nil {
		return 0, err
	}
	holder, err := models.LoadHolder(ctx, db, user.ID, models.LocalDate(now, user.Zone(defaultZone)))
	if err != nil {
		return 0, err
	}
	entries, problems := models.ParseCEUCSV(r, user.ID, holder.Today, holder.EarliestEarnedOn())
	if problems != nil {
		for _, p := range problems {
			fmt.Fprintln(bar, p.Error())
		}
		return 0, fmt.Errorf("nothing imported: %d problems", len(problems))
	}
	total := len(entries)
	err = models.ImportCEUEntries(ctx, db, entries, now, func(done int) { drawBar(bar, done, total) })
	fmt.Fprintln(bar)
	return total, err
}

// drawBar redraws a one-line progress bar.
func drawBar(w io.Writer, done, total int) {
	const width = 40
	filled := width * done / max(total, 1)
	fmt.Fprintf(w, "\r[%s%s] %d/%d", strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, total)
}

// runRemind handles `hitpath remind`: decide today's CEU reminders, then send the
// outbox once.
func runRemind(ctx context.Context, cfg app.Config, args []string) error {
	db, err := openMigrated(ctx, cfg)
	if err != nil {
		return err
	}
	queued, err := app.RemindOnce(ctx, db, cfg, time.Now().UTC())
	if err != nil {
		return err
	}
	mailer, err := app.NewMailer(cfg, db, quietLog())
	if err != nil {
		return err
	}
	sent, err := mailer.SendDue(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("Queued %d reminders; sent %d emails.\n", queued, sent)
	return nil
}

func openMigrated(ctx context.Context, cfg app.Config) (*gorm.DB, error) {
	db, err := app.OpenDB(cfg)
	if err != nil {
		return nil, err
	}
	return db, app.Migrate(ctx, db)
}

// quietLog logs to stderr as text, for one-shot commands.
func quietLog() *slog.Logger { return slog.New(slog.NewTextHandler(os.Stderr, nil)) }
