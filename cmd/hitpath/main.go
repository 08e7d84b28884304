// Command hitpath serves the hitpath web application and runs its maintenance tasks.
//
//	hitpath [serve]                         serve on $PORT (default 3000)
//	hitpath migrate up|down|status          manage the schema
//	hitpath user create --email E --role R  create a user or change their role
//
// Configuration comes from the environment; see README.md.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"hitpath/app"
	"hitpath/handlers"
)

// command is one CLI verb.
type command struct {
	usage string
	run   func(ctx context.Context, cfg app.Config, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"serve":       {"serve the web application (default)", runServe},
		"migrate":     {"migrate up|down|status: manage the schema", runMigrate},
		"user":        {"user create --email E [--name N] [--password P] [--role R]: create or promote a user; user reset-two-factor --email E: remove an account's two-factor sign-in", runUser},
		"healthcheck": {"exit 0 when the local server answers /readyz (for container health checks)", runHealthcheck},
		"import":      {"import ceus FILE.csv --user EMAIL: import CEU activities, all or nothing", runImport},
		"remind":      {"remind: queue due CEU reminders and send the outbox once", runRemind},
		"seed":        {"seed [--demo --students N]: load reference content; --demo generates a demo school", runSeed},
		"digest":      {"digest: queue this week's at-risk digest email for each instructor", runDigest},
		"openapi":     {"openapi: print the API description (OpenAPI 3, JSON)", runOpenAPI},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "hitpath:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	name := "serve"
	if len(args) > 0 {
		name, args = args[0], args[1:]
	}
	cmd, ok := commands()[name]
	if !ok {
		printUsage()
		return fmt.Errorf("unknown command %q", name)
	}
	cfg, err := app.LoadConfig(os.Getenv)
	if err != nil {
		return err
	}
	return cmd.run(ctx, cfg, args)
}

func printUsage() {
	fmt.Fprintln(os.Stderr, "usage: hitpath <command> [arguments]")
	for name, c := range commands() {
		fmt.Fprintf(os.Stderr, "  %-8s %s\n", name, c.usage)
	}
}

// runOpenAPI prints the API description, for linters and client generators.
func runOpenAPI(ctx context.Context, cfg app.Config, args []string) error {
	doc, err := handlers.OpenAPIDocument()
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, doc, "", "  "); err != nil {
		return err
	}
	out.WriteByte('\n')
	_, err = out.WriteTo(os.Stdout)
	return err
}

func runServe(ctx context.Context, cfg app.Config, args []string) error {
	a, err := app.New(cfg, app.Options{Log: os.Stdout})
	if err != nil {
		return err
	}
	return a.Listen(ctx)
}

// runHealthcheck lets a container without curl check the server it runs.
func runHealthcheck(ctx context.Context, cfg app.Config, args []string) error {
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://127.0.0.1:"+cfg.Port+"/readyz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("server not answering: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("server not ready: %s", resp.Status)
	}
	return nil
}

// runMigrate waits for the database like serve does, so a migration job started
// alongside its database (an init container) does not fail at once.
func runMigrate(ctx context.Context, cfg app.Config, args []string) error {
	db, err := app.WaitForDB(ctx, cfg, quietLog())
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return errors.New("usage: hitpath migrate up|down|status")
	}
	switch args[0] {
	case "up":
		return app.Migrate(ctx, db)
	case "down":
		return app.MigrateDownOne(ctx, db)
	case "status":
		statuses, err := app.MigrationStatus(ctx, db)
		if err != nil {
			return err
		}
		for _, s := range statuses {
			fmt.Printf("%-8s %s\n", s.State, s.Source.Path)
		}
		return nil
	}
	return fmt.Errorf("unknown migrate action %q (use up, down or status)", args[0])
}
