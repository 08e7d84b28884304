package handlers

import (
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// loadOwnStudySession loads the session named by :id, if it is the viewer's.
func (h *Handlers) loadOwnStudySession(c *fiber.Ctx) (models.StudyLogEntry, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return models.StudyLogEntry{}, err
	}
	return models.StudyLogEntryForUser(c.UserContext(), h.DB, currentUser(c).ID, id)
}

// updateStudyFromForm checks form and saves it over the session; fields say what is
// wrong instead.
func (h *Handlers) updateStudyFromForm(c *fiber.Ctx, session models.StudyLogEntry, form studyForm) (models.StudyLogEntry, FieldErrors, error) {
	entry, fields, err := h.checkStudyForm(c, form)
	if fields != nil || err != nil {
		return entry, fields, err
	}
	entry.ID = session.ID
	return entry, nil, models.UpdateStudyLogEntry(c.UserContext(), h.DB, entry)
}

// studyEditData is the edit page: the form and the exam outline to choose a domain in.
func (h *Handlers) studyEditData(c *fiber.Ctx, session models.StudyLogEntry, form studyForm, errs FieldErrors) (fiber.Map, error) {
	o, _, err := h.studentOverview(c)
	if err != nil {
		return nil, err
	}
	return fiber.Map{"Title": "Edit the session of " + session.StudiedOn.Format("2 Jan 2006"), "Session": session,
		"Form": form, "Errors": errs, "Overview": o}, nil
}

func (h *Handlers) showEditStudySession(c *fiber.Ctx) error {
	session, err := h.loadOwnStudySession(c)
	if err != nil {
		return err
	}
	form := studyForm{StudiedOn: session.StudiedOn.Format(time.DateOnly), Minutes: session.Minutes,
		DomainPosition: session.DomainPosition, Topic: session.Topic, Notes: session.Notes}
	data, err := h.studyEditData(c, session, form, nil)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/study_edit", data)
}

func (h *Handlers) updateStudySession(c *fiber.Ctx) error {
	session, err := h.loadOwnStudySession(c)
	if err != nil {
		return err
	}
	var form studyForm
	fields, err := formFieldProblems(readForm(c, &form))
	if err != nil {
		return err
	}
	var entry models.StudyLogEntry
	if fields == nil {
		if entry, fields, err = h.updateStudyFromForm(c, session, form); err != nil {
			return err
		}
	}
	if fields != nil {
		data, err := h.studyEditData(c, session, form, fields)
		if err != nil {
			return err
		}
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/study_edit", data)
	}
	return h.flashAndRedirect(c, "/study", fmt.Sprintf("Saved the session of %s: %d minutes.", entry.StudiedOn.Format("2 Jan 2006"), entry.Minutes))
}

func (h *Handlers) apiUpdateStudySession(c *fiber.Ctx) error {
	session, err := h.loadOwnStudySession(c)
	if err != nil {
		return err
	}
	var form studyForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	entry, fields, err := h.updateStudyFromForm(c, session, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	return c.JSON(toStudySessionJSON(entry))
}
