package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// studySessionJSON is the API shape of one study session.
type studySessionJSON struct {
	ID             int64  `json:"id"`
	StudiedOn      string `json:"studied_on"`
	Minutes        int    `json:"minutes"`
	CredentialCode string `json:"credential_code"`
	DomainPosition int    `json:"domain_position"`
	Topic          string `json:"topic"`
	Notes          string `json:"notes"`
}

func toStudySessionJSON(e models.StudyLogEntry) studySessionJSON {
	return studySessionJSON{ID: e.ID, StudiedOn: e.StudiedOn.Format(time.DateOnly), Minutes: e.Minutes,
		CredentialCode: e.CredentialCode, DomainPosition: e.DomainPosition, Topic: e.Topic, Notes: e.Notes}
}

func (h *Handlers) apiListStudySessions(c *fiber.Ctx) error {
	log, err := models.StudyLog(c.UserContext(), h.DB, currentUser(c).ID)
	if err != nil {
		return err
	}
	today := h.today(c)
	sessions := models.StudySessions(log)
	out := make([]studySessionJSON, len(log))
	for i, e := range log {
		out[i] = toStudySessionJSON(e)
	}
	return c.JSON(fiber.Map{
		"sessions":            out,
		"streak_days":         models.StudyStreak(models.StudyDates(sessions), today),
		"minutes_last_7_days": models.MinutesInLastDays(sessions, today, 7),
	})
}

func (h *Handlers) apiLogStudySession(c *fiber.Ctx) error {
	var form studyForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	entry, fields, err := h.applyStudyForm(c, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toStudySessionJSON(entry))
}

func (h *Handlers) apiDeleteStudySession(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := models.DeleteStudyLogEntry(c.UserContext(), h.DB, currentUser(c).ID, id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
