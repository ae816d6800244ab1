// Package words holds every sentence and figure Hoist shows to people, in English, French
// and Japanese, for the window and the command line alike.
//
// The sentences live in go-i18n JSON message files, assets/messages/AREA.LANG.json
// (embedded): one file per area (common, the window, the command line, the engine's
// errors…) and language, so a file stays readable and a translator can take one area at
// a time. An ID is defined in one area only. Code never writes a user-facing sentence itself: it asks for one by its ID,
// with named values, and gets it in the chosen language:
//
//	words.T("cli.upload.started", words.A{"Name": name, "Handle": handle})
//	words.N("queue.files", n, nil) // "1 file", "3 files"; "1 fichier"; "3 ファイル"
//
// Figures go through the same package so the window and the CLI write them the same way,
// in the language's own form: Size (decimal units, as Finder and Explorer show them: "1.2
// MB", "1,2 Mo"), Speed, Duration, ETA, Count and Number (grouping and decimal signs from
// golang.org/x/text/message), Time, Date and DateTime.
//
// One language is current for the whole process (Use), chosen once at start by Choose: an
// explicit choice (the window's settings, the CLI's --lang), else HOIST_LANG, else the
// system's (LC_ALL, LC_MESSAGES, LANG and LANGUAGE on Linux and macOS; the user's UI
// language on Windows; AppleLanguages on macOS when no variable is set).
//
// # Adding a language
//
//  1. Copy every assets/messages/AREA.en.json to AREA.XX.json (XX: the BCP 47 language
//     code) and translate every value. Keep the {{.Placeholders}} as they are; give each
//     plural message every form the language needs (CLDR: English one/other, French
//     one/many/other, Japanese other). The unit and date-layout keys (size.*, format.*)
//     are translated too.
//  2. Add the language to Languages (lang.go), with its name written in itself and its
//     CLDR plural forms.
//  3. go test ./internal/words/ checks that every key is present with the same
//     placeholders and the plural forms the language needs.
package words
