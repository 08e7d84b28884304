package handlers

import (
	"strconv"

	"github.com/gofiber/fiber/v2"
)

// exportRetryAfter is how long a refused audit-pack request is told to wait, in seconds.
const exportRetryAfter = 15

// exportSlots bounds how many heavy exports (audit packs) are built at once, so a
// burst of them cannot take the server's memory and CPU from everyone else.
type exportSlots chan struct{}

func newExportSlots(n int) exportSlots { return make(exportSlots, n) }

// take claims a slot without waiting; release must be called once the export's last
// byte is written (for a streamed body that is after the handler returns).
func (s exportSlots) take() (release func(), ok bool) {
	select {
	case s <- struct{}{}:
		done := false
		return func() {
			if !done {
				done = true
				<-s
			}
		}, true
	default:
		return nil, false
	}
}

// busyExporting answers 429 with Retry-After when every export slot is taken.
func busyExporting(c *fiber.Ctx) error {
	c.Set(fiber.HeaderRetryAfter, strconv.Itoa(exportRetryAfter))
	return fiber.NewError(fiber.StatusTooManyRequests,
		"Several audit packs are being built right now. Please try again in a few seconds.")
}
