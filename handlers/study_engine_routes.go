package handlers

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// registerStudyEnginePages mounts the study engine's pages: decks, reviews, the
// forecast and blueprint quizzes.
func (h *Handlers) registerStudyEnginePages(pages fiber.Router) {
	pages.Get("/study/decks", h.requireUser, h.showDecks)
	pages.Post("/study/decks", h.requireUser, h.createDeck)
	pages.Get("/study/decks/:id", h.requireUser, h.showDeck)
	pages.Post("/study/decks/:id/cards", h.requireUser, h.addCard)
	pages.Post("/study/decks/:id/delete", h.requireUser, h.deleteDeck)
	pages.Get("/study/decks/:id/export.csv", h.requireUser, h.exportDeckCSV)
	pages.Post("/study/decks/:id/import", h.requireUser, h.importDeckPage)
	pages.Post("/study/decks/:id/share", h.requireUser, h.shareDeck)
	pages.Get("/study/decks/:id/media", h.requireUser, h.showDeckMedia)
	pages.Post("/study/decks/:id/media", h.requireUser, h.uploadDeckMedia)
	pages.Get("/study/decks/:id/media/:name", h.requireUser, h.serveDeckMedia)
	pages.Post("/study/decks/:id/media/:name/delete", h.requireUser, h.deleteDeckMedia)
	pages.Get("/study/cards/:id/edit", h.requireUser, h.showCardEdit)
	pages.Post("/study/cards/:id/edit", h.requireUser, h.saveCardEdit)
	pages.Post("/study/cards/:id/delete", h.requireUser, h.deleteCard)
	pages.Get("/study/review", h.requireUser, h.showReview)
	pages.Post("/study/review", h.requireUser, h.saveReview)
	pages.Get("/study/forecast", h.requireUser, h.showForecast)
	pages.Post("/study/settings", h.requireUser, h.saveStudySettings)
	pages.Get("/study/quiz", h.requireUser, h.showQuizStart)
	pages.Post("/study/quiz", h.requireUser, h.createQuiz)
	pages.Get("/study/quizzes/:id", h.requireUser, h.showQuiz)
	pages.Post("/study/quizzes/:id", h.requireUser, h.submitQuiz)
}

// registerStudyEngineAPI mounts the JSON twins of the study engine's pages.
func (h *Handlers) registerStudyEngineAPI(api fiber.Router) {
	api.Get("/decks", h.requireAPIUser, h.apiListDecks)
	api.Post("/decks", h.requireAPIUser, h.apiCreateDeck)
	api.Get("/decks/:id", h.requireAPIUser, h.apiShowDeck)
	api.Delete("/decks/:id", h.requireAPIUser, h.apiDeleteDeck)
	api.Post("/decks/:id/cards", h.requireAPIUser, h.apiAddCard)
	api.Get("/decks/:id/export.csv", h.requireAPIUser, h.exportDeckCSV)
	api.Post("/decks/:id/import", h.requireAPIUser, h.apiImportDeckCSV)
	api.Put("/decks/:id/share", h.requireAPIUser, h.apiShareDeck)
	api.Get("/decks/:id/media", h.requireAPIUser, h.apiListDeckMedia)
	api.Post("/decks/:id/media", h.requireAPIUser, h.apiUploadDeckMedia)
	api.Get("/decks/:id/media/:name", h.requireAPIUser, h.serveDeckMedia)
	api.Delete("/decks/:id/media/:name", h.requireAPIUser, h.apiDeleteDeckMedia)
	api.Get("/decks/:id/mastery", h.requireAPIUser, h.apiCohortMastery)
	api.Put("/cards/:id", h.requireAPIUser, h.apiUpdateCard)
	api.Delete("/cards/:id", h.requireAPIUser, h.apiDeleteCard)
	api.Get("/study/queue", h.requireAPIUser, h.apiStudyQueue)
	api.Post("/reviews", h.requireAPIUser, h.apiSaveReview)
	api.Get("/study/settings", h.requireAPIUser, h.apiShowStudySettings)
	api.Put("/study/settings", h.requireAPIUser, h.apiSaveStudySettings)
	api.Get("/study/forecast", h.requireAPIUser, h.apiShowForecast)
	api.Post("/quizzes", h.requireAPIUser, h.apiCreateQuiz)
	api.Get("/quizzes/:id", h.requireAPIUser, h.apiShowQuiz)
	api.Put("/quizzes/:id/answers", h.requireAPIUser, h.apiSaveQuizAnswers)
	api.Post("/quizzes/:id/submit", h.requireAPIUser, h.apiSubmitQuiz)
	api.Get("/items/:id/stats", h.requireAPIUser, h.apiItemStats)
}

// studyContext is the learner's exam plan and settings for the current request, with
// the stored effective dues brought in line with their pathway's exam date.
type studyContext struct {
	Settings models.StudySettings
	Plan     models.ExamPlan
	Pathway  *models.Pathway
}

func (h *Handlers) loadStudyContext(c *fiber.Ctx) (studyContext, error) {
	userID := currentUser(c).ID
	var sc studyContext
	settings, err := models.LoadStudySettings(c.UserContext(), h.DB, userID)
	if err != nil {
		return sc, err
	}
	sc.Settings = settings
	p, err := models.PathwayForUser(c.UserContext(), h.DB, userID)
	switch {
	case err == nil:
		sc.Pathway = &p
	case !errors.Is(err, models.ErrNotFound):
		return sc, err
	}
	sc.Plan, err = models.SyncExamPlan(c.UserContext(), h.DB, settings, sc.examOn(), h.Now())
	return sc, err
}

// examOn is the pathway's exam date when one is set and still ahead of the result.
func (sc studyContext) examOn() *time.Time {
	if sc.Pathway == nil || (sc.Pathway.ExamResult != string(models.ExamResultNone) && sc.Pathway.ExamResult != "") {
		return nil
	}
	return sc.Pathway.ExamScheduledOn
}
