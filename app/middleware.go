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

// accessLog writes one structured line per request.
func accessLog(log *slog.Logger) fiber.Handler {
	return func(c *fiber.Ctx) error {
		start := time.Now()
		err := c.Next()
		status := c.Response().StatusCode()
		if err != nil {
			// The error handler has not run yet; log the status it will choose.
			if fe, ok := err.(*fiber.Error); ok {
				status = fe.Code
			} else {
				status = fiber.StatusInternalServerError
			}
		}
		if strings.HasPrefix(c.Path(), "/static/") {
			return err
		}
		log.Info("request",
			"method", c.Method(), "path", c.Path(), "status", status,
			"duration_ms", float64(time.Since(start).Microseconds())/1000,
			"request_id", c.GetRespHeader(fiber.HeaderXRequestID), "ip", handlers.ClientIP(c))
		return err
	}
}
