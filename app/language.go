package app

import (
	"os"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"hoist/assets"
	"hoist/internal/words"
	"hoist/ui"
)

// speak chooses the language of the whole window before anything is built: the one picked
// in the window's settings, else HOIST_LANG, else the system's.
//
// Hoist's own sentences come from package words, which the engine's sentences, the session
// and the command line use too: one localizer for the whole process, so the window, its
// job log and the CLI can never disagree. Fyne's lang package gets the same message files
// (lang.X reads them too), but it cannot be told which language to use: it matches the
// system's locale list (jeandeaual/go-locale), which is read from the environment only on
// Linux and the BSDs. There, LANGUAGE is set to the chosen language first, so Fyne's own
// few words (an entry's Copy/Paste menu, its file dialog) and its choice of a CJK font
// follow; on Windows and macOS they follow the system's display language. Hoist's dialogs
// name their buttons through package words, so they are in the chosen language everywhere.
func speak(a fyne.App) string {
	code := words.Use(words.Choose(a.Preferences().String(ui.PrefLanguage), nil))
	if runtime.GOOS != "windows" && runtime.GOOS != "darwin" {
		os.Setenv("LANGUAGE", code)
		if locale := firstEnv("LC_ALL", "LC_MESSAGES", "LANG"); locale == "" || locale == "C" || locale == "POSIX" {
			// LANGUAGE is ignored under the C locale; LC_MESSAGES alone carries the choice.
			os.Setenv("LC_MESSAGES", code)
		}
	}
	// Adding translations makes Fyne look at the locale again.
	if err := lang.AddTranslationsFS(assets.Messages, words.MessageDir); err != nil {
		fyne.LogError("loading the message files into Fyne", err)
	}
	return code
}

func firstEnv(names ...string) string {
	for _, n := range names {
		if v := os.Getenv(n); v != "" {
			return v
		}
	}
	return ""
}
