package app

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"
	"github.com/gofiber/fiber/v2/middleware/filesystem"
	"github.com/gofiber/fiber/v2/middleware/helmet"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/gofiber/fiber/v2/middleware/requestid"

	"hitpath/handlers"
	"hitpath/views"
)

// contentSecurityPolicy allows only our own scripts, styles and images: no inline
// script or style, no framing.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

func useMiddleware(server *fiber.App, log *slog.Logger) {
	server.Use(requestid.New())
	server.Use(accessLog(log))
	server.Use(recover.New())
	server.Use(helmet.New(helmet.Config{
		ContentSecurityPolicy: contentSecurityPolicy,
		ReferrerPolicy:        "same-origin",
		HSTSMaxAge:            31536000,
		PermissionPolicy:      "camera=(), microphone=(), geolocation=()",
	}))
	server.Use(compress.New(compress.Config{Level: compress.LevelBestSpeed}))
	server.Use("/static", filesystem.New(filesystem.Config{
		Root:   http.FS(views.Static()),
		MaxAge: 3600,
	}))
}

// accessLog writes one structured line per request with the status the client got:
// a handler's error is turned into its response here, by the app's ErrorHandler, before
// the line is written (as Fiber's own logger does), so a 404 or 422 is never logged
// as 500.
func accessLog(log *slog.Logger) fiber.Handler {
	return func(c *fiber.Ctx) error {
		start := time.Now()
		if err := c.Next(); err != nil {
			if herr := c.App().ErrorHandler(c, err); herr != nil {
				log.Error("error handler failed", "path", c.Path(), "err", herr)
				_ = c.SendStatus(fiber.StatusInternalServerError)
			}
		}
		if strings.HasPrefix(c.Path(), "/static/") {
			return nil
		}
		log.Info("request",
			"method", c.Method(), "path", c.Path(), "status", c.Response().StatusCode(),
			"duration_ms", float64(time.Since(start).Microseconds())/1000,
			"request_id", c.GetRespHeader(fiber.HeaderXRequestID), "ip", handlers.ClientIP(c))
		return nil
	}
}
