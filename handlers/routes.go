package handlers

import (
	"github.com/gofiber/fiber/v2/middleware/compress"
	"github.com/gofiber/fiber/v2/middleware/etag"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/gofiber/fiber/v2/middleware/requestid"

	"ladder/store"
)

// routes registers every route of the portal. Keep this the one place to
// look for "what answers this URL".
func (s *Server) routes() {
	app := s.app
	app.Use(requestid.New())
	app.Use(s.observe) // logs, metrics and error rendering wrap everything below
	app.Use(recover.New(recover.Config{EnableStackTrace: true, StackTraceHandler: s.logPanic}))
	app.Use(securityHeaders)
	app.Use(compress.New())
	app.Use(etag.New())
	app.Use(s.language)
	app.Use(s.authenticate)
	app.Use(s.crossOriginForms())
	app.Use(s.csrfProtection())
	perIP, perAccount := s.perIPLimit(), s.perAccountLimit()
	grading := s.gradingLimit() // run and submit: per-caller limits, fair queuing
	signedIn := s.requireUser
	admin := s.requireRole(store.RoleAdmin)
	mentor := s.requireRole(store.RoleMentor, store.RoleAdmin)

	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)
	app.Get("/metrics", s.metricsHandler())
	app.Get("/assets/*", s.asset)

	app.Get("/", s.home)
	app.Get("/guides", s.guideList)
	app.Get("/guides/:slug", s.guidePage)
	app.Post("/guides/:slug/read", signedIn, s.markReadSubmit)
	app.Post("/guides/:slug/quiz", s.quizSubmit)
	app.Get("/career", s.career)
	app.Get("/search", s.searchPage)
	app.Get("/tasks", s.taskList)
	app.Get("/tasks/:id", s.taskPage)
	app.Post("/tasks/:id/submit", signedIn, s.taskSubmit)
	app.Get("/labs", s.labList)
	app.Get("/labs/:id", s.labPage)
	app.Post("/labs/:id/run", grading, s.labRunSubmit)
	app.Post("/labs/:id/submit", grading, s.labSubmitForm)
	app.Post("/labs/:id/hints", s.labHint)
	app.Get("/me", signedIn, s.dashboard)
	app.Get("/me/self-assessment", signedIn, s.selfAssessmentPage)
	app.Post("/me/self-assessment", signedIn, s.selfAssessmentSubmit)
	app.Get("/lang/:lang", s.switchLanguage)

	app.Get("/signup", s.signupPage)
	app.Post("/signup", perIP, s.signupSubmit)
	app.Get("/login", s.loginPage)
	app.Post("/login", perIP, perAccount, s.loginSubmit)
	app.Post("/logout", s.logoutSubmit)
	app.Get("/account", signedIn, s.accountPage)
	app.Post("/account/name", signedIn, s.accountNameSubmit)
	app.Post("/account/password", signedIn, s.accountPasswordSubmit)
	app.Get("/mentor", mentor, s.mentorHome)
	app.Post("/mentor/cohorts", mentor, s.mentorCreateCohort)
	app.Get("/mentor/cohorts/:id", mentor, s.mentorCohort)
	app.Get("/mentor/cohorts/:id/progress.csv", mentor, s.cohortCSV)
	app.Post("/mentor/cohorts/:id/members", mentor, s.mentorAddMember)
	app.Post("/mentor/cohorts/:id/members/:user/remove", mentor, s.mentorRemoveMember)
	app.Post("/mentor/cohorts/:id/assignments", mentor, s.mentorAssign)
	app.Post("/mentor/curricula", mentor, s.mentorNewCurriculum)
	app.Post("/mentor/curricula/copy/:key", mentor, s.mentorCopyCurriculum)
	app.Get("/mentor/curricula/:id", mentor, s.mentorCurriculum)
	app.Post("/mentor/curricula/:id", mentor, s.mentorSaveCurriculum)
	app.Post("/mentor/curricula/:id/items", mentor, s.mentorEditItems)
	app.Get("/mentor/learners/:id", mentor, s.mentorLearner)
	app.Get("/mentor/reviews", mentor, s.reviewQueuePage)
	app.Get("/mentor/reviews/:id", mentor, s.reviewPage)
	app.Post("/mentor/reviews/:id", mentor, s.reviewSubmit)
	app.Post("/mentor/learners/:id/endorsements", mentor, s.mentorEndorse)
	app.Post("/mentor/submissions/:id/comments", mentor, s.mentorComment)
	app.Get("/join/:code", signedIn, s.joinLink)
	app.Post("/me/join", signedIn, s.joinSubmit)
	app.Get("/admin/users", admin, s.adminUsers)
	app.Post("/admin/users/:id/role", admin, s.adminRoleSubmit)
	app.Get("/admin/audit", admin, s.adminAudit)

	api := app.Group("/api/v1", jsonBodies) // 415 for any body that is not JSON
	api.Post("/auth/signup", perIP, s.apiSignup)
	api.Post("/auth/login", perIP, perAccount, s.apiLogin)
	api.Post("/auth/logout", signedIn, s.apiLogout)
	api.Get("/me", signedIn, s.apiMe)
	api.Put("/users/:id/role", admin, s.apiSetRole)
	api.Get("/guides", s.apiGuides)
	api.Get("/labs", s.apiLabs)
	api.Get("/search", s.apiSearch)
	api.Get("/labs/:id", s.apiLab)
	api.Post("/labs/:id/run", grading, s.apiRun)
	api.Post("/labs/:id/submissions", grading, s.apiSubmit)
	api.Get("/submissions/:id", signedIn, s.apiSubmission)
	api.Post("/guides/:slug/read", signedIn, s.apiMarkRead)
	api.Get("/guides/:slug/quiz", s.apiQuiz)
	api.Post("/guides/:slug/quiz", s.apiAnswerQuiz)
	api.Get("/me/progress", signedIn, s.apiProgress)
	api.Get("/tasks", s.apiTasks)
	api.Get("/tasks/:id", s.apiTask)
	api.Post("/tasks/:id/submissions", signedIn, s.apiSubmitTask)
	api.Get("/me/tasks", signedIn, s.apiMyTasks)
	api.Get("/reviews", mentor, s.apiReviewQueue)
	api.Post("/task-submissions/:id/review", mentor, s.apiReview)
	api.Get("/me/assignments", signedIn, s.apiMyAssignments)
	api.Post("/cohorts/join", signedIn, s.apiJoinCohort)
	api.Post("/cohorts", mentor, s.apiCreateCohort)
	api.Post("/cohorts/:id/members", mentor, s.apiAddMember)
	api.Delete("/cohorts/:id/members/:user", mentor, s.apiRemoveMember)
	api.Post("/cohorts/:id/assignments", mentor, s.apiCreateAssignment)
	api.Get("/cohorts/:id/progress", mentor, s.apiCohortProgress)
	api.Get("/cohorts/:id/progress.csv", mentor, s.cohortCSV)
	api.Post("/curricula", mentor, s.apiCreateCurriculum)
	api.Post("/submissions/:id/comments", mentor, s.apiComment)
	api.Post("/users/:id/endorsements", mentor, s.apiEndorse)
	// Unmatched paths fall through to Fiber's ErrNotFound, which observe
	// renders as the 404 page or JSON.
}
