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

// runImport handles `hitpath import ceus FILE.csv --user EMAIL [--preview]
// [--include-duplicates]`: all or nothing, each bad line reported by number, rows
// already in the learner's log skipped unless asked for, a progress bar on stderr
// while saving.
func runImport(ctx context.Context, cfg app.Config, args []string) error {
	const usage = "usage: hitpath import ceus FILE.csv --user EMAIL [--preview] [--include-duplicates]"
	if len(args) < 2 || args[0] != "ceus" {
		return errors.New(usage)
	}
	fs := flag.NewFlagSet("import ceus", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	email := fs.String("user", "", "email of the learner the activities belong to")
	preview := fs.Bool("preview", false, "check the file and count new rows without saving")
	duplicates := fs.Bool("include-duplicates", false, "import rows already in the log too")
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
	now := time.Now().UTC()
	opts := models.CEUImportOptions{Now: now, Preview: *preview, IncludeDuplicates: *duplicates}
	summary, err := importCEUFile(ctx, db, file, *email, opts, zone, os.Stderr)
	if err != nil {
		return err
	}
	fmt.Println(summary)
	return nil
}

// importCEUFile runs the shared import flow for the user with email, drawing progress
// on bar, and returns the summary line. "Today" is the user's date at opts.Now
// (defaultZone when they chose no zone). Problems are written to bar, one a line, and
// nothing is saved.
func importCEUFile(ctx context.Context, db *gorm.DB, r io.Reader, email string, opts models.CEUImportOptions, defaultZone *time.Location, bar io.Writer) (string, error) {
	user, err := models.UserByEmail(ctx, db, email)
	if errors.Is(err, models.ErrNotFound) {
		return "", fmt.Errorf("no account has the email %s", email)
	}
	if err != nil {
		return "", err
	}
	opts.Today = models.LocalDate(opts.Now, user.Zone(defaultZone))
	opts.Progress = func(done, total int) { drawBar(bar, done, total) }
	result, problems, err := models.ImportCEUCSV(ctx, db, user.ID, r, opts)
	if err != nil {
		return "", err
	}
	if problems != nil {
		for _, p := range problems {
			fmt.Fprintln(bar, p.Error())
		}
		return "", fmt.Errorf("nothing imported: %d problems", len(problems))
	}
	if !opts.Preview {
		fmt.Fprintln(bar)
	}
	return importSummary(result, opts, user.Email), nil
}

// importSummary words the outcome the way the import page does.
func importSummary(result models.CEUImport, opts models.CEUImportOptions, email string) string {
	var line string
	if opts.Preview {
		line = fmt.Sprintf("%d new activities for %s; nothing saved (preview).", len(result.New), email)
	} else {
		line = fmt.Sprintf("Imported %d activities for %s.", result.Imported, email)
	}
	if n := len(result.Duplicates); n > 0 && !opts.IncludeDuplicates {
		line += fmt.Sprintf(" %d already in your log — skipped.", n)
	} else if n > 0 {
		line += fmt.Sprintf(" %d already in your log — imported again as asked.", n)
	}
	for _, note := range result.Notes {
		line += "\n" + note
	}
	return line
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
