package handlers_test

import (
	"context"
	"fmt"
	"time"

	"github.com/chromedp/chromedp"
)

// clickAndWaitForPage clicks sel and waits until the browser shows a NEW document that
// has finished loading. Waiting for an element instead races: the element may still be
// on the old page when the wait starts, so the test reads stale content under load.
func clickAndWaitForPage(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		markDocument(),
		chromedp.Click(chromedp.CSS(sel)),
		waitForNewDocument(),
	)
}

// submitAndWaitForPage submits the form containing sel, then waits like
// clickAndWaitForPage.
func submitAndWaitForPage(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		markDocument(),
		chromedp.Submit(chromedp.CSS(sel)),
		waitForNewDocument(),
	)
}

func markDocument() chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Evaluate[bool](`window.__hitpathOldPage = true`)(ctx, t)
		return chromedp.Void{}, err
	}
}

func waitForNewDocument() chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			done, err := chromedp.Evaluate[bool](`window.__hitpathOldPage === undefined && document.readyState === "complete"`)(ctx, t)
			if err == nil && done {
				return chromedp.Void{}, nil
			}
			select {
			case <-ctx.Done():
				return chromedp.Void{}, ctx.Err()
			case <-time.After(50 * time.Millisecond):
			}
		}
		return chromedp.Void{}, fmt.Errorf("no new page loaded within 30s")
	}
}
