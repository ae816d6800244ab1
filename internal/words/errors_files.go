package words

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"hoist/uploader"
)

// The errors about one file or one name, the published base and a follow-up that ran out
// of time.

func fileError(err error) (string, bool) {
	var e *uploader.FileError
	if !errors.As(err, &e) {
		return "", false
	}
	a := A{"Name": FileName(e.Rel)}
	switch {
	case errors.Is(e.Err, uploader.ErrFileChangedWhileSent):
		return T("err.file.changed_while_sent", a), true
	case errors.Is(e.Err, uploader.ErrFileChanged):
		return T("err.file.changed", a), true
	case errors.Is(e.Err, uploader.ErrFileGone):
		return T("err.file.gone", a), true
	case errors.Is(e.Err, fs.ErrPermission):
		return T("err.file.permission", a), true
	}
	if errors.As(e.Err, new(*fs.PathError)) {
		a["Reason"] = osReason(e.Err)
		return T("err.file.unreadable", a), true
	}
	a["Sentence"] = Error(e.Err)
	return T("err.file.other", a), true
}

func nameError(err error) (string, bool) {
	var e *uploader.NameError
	if !errors.As(err, &e) {
		return "", false
	}
	switch {
	case e.Kind == uploader.NameControl && e.Folder:
		return T("err.name.control_folder", A{"Folder": visible(e.Rel), "Char": charName(e.Char)}), true
	case e.Kind == uploader.NameControl:
		return T("err.name.control", A{"Name": visible(e.Rel), "Char": charName(e.Char)}), true
	case e.Kind == uploader.NameSameAfterNFC:
		return sameNFC(e.Rel, "", e.Other), true
	case e.Kind == uploader.FolderDots:
		return T("err.name.folder_dots", A{"Folder": e.Rel}), true
	}
	return "", false
}

// charName writes a control character the way people can look it up: its name and code.
func charName(r rune) string {
	code := fmt.Sprintf("U+%04X", r)
	switch r {
	case '\t':
		return T("err.char.tab", A{"Code": code})
	case '\n':
		return T("err.char.line_break", A{"Code": code})
	case '\r':
		return T("err.char.carriage_return", A{"Code": code})
	}
	return code
}

var publishBaseProblems = map[uploader.PublishBaseProblem]string{
	uploader.BaseNotURL:   "err.publish_base.not_url",
	uploader.BaseNotHTTPS: "err.publish_base.not_https",
	uploader.BaseHasQuery: "err.publish_base.query",
	uploader.BaseHasUser:  "err.publish_base.user",
}

// WherePublishBase tells people where to find their company's published Image Serving
// base (the start of every link to an asset) in Dynamic Media Classic.
func WherePublishBase() string { return T("engine.publish_base.where", nil) }

func publishBase(err error) (string, bool) {
	if errors.Is(err, uploader.ErrNoPublishBase) {
		return T("err.no_publish_base", A{"Where": WherePublishBase()}), true
	}
	var e *uploader.PublishBaseError
	if !errors.As(err, &e) {
		return "", false
	}
	id, ok := publishBaseProblems[e.Problem]
	if !ok {
		id = "err.publish_base.not_url"
	}
	return T(id, A{"Base": e.Base, "Where": WherePublishBase()}), true
}

func urlError(err error) (string, bool) {
	var e *uploader.URLError
	if !errors.As(err, &e) {
		return "", false
	}
	if e.Problem == uploader.URLNotHTTPS {
		return T("err.url.not_https", A{"URL": e.URL}), true
	}
	return T("err.url.not_url", A{"URL": e.URL}), true
}

func followTimeout(err error) (string, bool) {
	var e *uploader.FollowTimeout
	if !errors.As(err, &e) {
		return "", false
	}
	return T("err.follow_timeout", A{"Job": e.JobHandle, "Wait": Duration(e.Limit)}), true
}

// join puts two sentences one after the other: a space between them, none after a
// full stop that takes its own width (。).
func join(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	case strings.HasSuffix(a, "。"):
		return a + b
	}
	return a + " " + b
}
