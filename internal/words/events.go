package words

import (
	"errors"
	"io/fs"
	"strings"

	"hoist/uploader"
)

// The engine's events and findings carry kinds and fields, no sentence; these say them to
// people, for the window and the command line alike: Event and FollowEvent (an upload's
// and a follow-up's events), Skip (a path the walk left out), NameWarning (what Scene7
// will make of a name), Outcome and OutcomeSummary (what Scene7 made of the files), and
// Verdict (Test connection). Errors go through Error.

// Event is what an upload event means, or "" for the events that are figures only
// (queued, started, progress, done).
func Event(ev uploader.Event) string {
	switch ev.Kind {
	case uploader.JobCreated:
		return T("engine.event.job_created", A{"Job": ev.JobName})
	case uploader.JobContinued:
		return continued(ev)
	case uploader.FileRetrying:
		return T("engine.event.retrying", A{"Attempt": ev.Attempt, "Reason": Retrying(ev.Err)})
	case uploader.FileFailed:
		return Error(ev.Err)
	case uploader.FileCancelled:
		return T("engine.event.cancelled", nil)
	case uploader.FileSkipped:
		if ev.Skip != nil {
			return Skip(*ev.Skip)
		}
	case uploader.JobEnded:
		return ended(ev)
	}
	return ""
}

func continued(ev uploader.Event) string {
	a := A{"Job": ev.JobName, "Next": ev.NextJob}
	switch ev.Why {
	case uploader.ContinueResumed:
		return T("engine.event.job_resumed", a)
	case uploader.ContinueInactive:
		return T("engine.event.job_inactive", a)
	case uploader.ContinueIdle:
		return T("engine.event.job_idle", a)
	}
	return T("engine.event.job_unknown", a)
}

// ended sums an upload up: "3 of 4 files uploaded, 1 failed.", after the reason when the
// upload as a whole failed. Files the upload stopped before sending are "not sent", apart
// from those a cancellation left: nobody cancelled them.
func ended(ev uploader.Event) string {
	t := ev.Tally
	if t == nil {
		return Error(ev.Err)
	}
	s := N("engine.event.ended", t.Files, A{"Done": t.Done})
	for _, part := range []struct {
		id string
		n  int
	}{{"engine.event.ended_failed", t.Failed}, {"engine.event.ended_not_sent", t.NotSent}, {"engine.event.ended_cancelled", t.Cancelled}, {"engine.event.ended_skipped", t.Skipped}} {
		if part.n > 0 {
			s += N(part.id, part.n, nil)
		}
	}
	s += T("engine.event.ended_end", nil)
	if ev.Err != nil {
		s = join(Error(ev.Err), s)
	}
	if t.NotEnded {
		s = join(s, T("engine.event.not_ended", A{"Minutes": int(uploader.JobIdleExpiry.Minutes())}))
	}
	return s
}

// FollowEvent is what a follow-up event means.
func FollowEvent(ev uploader.FollowEvent) string {
	switch ev.Kind {
	case uploader.FollowStarted:
		return T("engine.follow.started", A{"Job": FileName(ev.JobHandle)}) // the server's: a name
	case uploader.JobProcessing:
		if p := strings.TrimSpace(ev.Progress); p != "" {
			return T("engine.follow.processing_progress", A{"Progress": ServerText(p)})
		}
		return T("engine.follow.processing", nil)
	case uploader.FileProcessed:
		return Outcome(uploader.FileOutcome{Outcome: ev.Outcome, LogType: ev.LogType, Message: ev.Said, ReplacedBy: ev.ReplacedBy})
	case uploader.FollowEnded:
		if ev.Err != nil {
			return Error(ev.Err)
		}
		return OutcomeSummary(ev.Files)
	}
	return ""
}

// Outcome says what Scene7 made of a file and what to do, with Scene7's own words: the
// one sentence for it, a follow-up's event and a queue row's (restored ones included).
func Outcome(f uploader.FileOutcome) string {
	s := said(f)
	switch f.Outcome {
	case uploader.Processed:
		return T("engine.outcome.processed", nil)
	case uploader.Warnings:
		if s == "" {
			return T("engine.outcome.warnings_silent", nil)
		}
		return T("engine.outcome.warnings", A{"Said": s})
	case uploader.Failed:
		if s == "" {
			return T("engine.outcome.failed_silent", nil)
		}
		return T("engine.outcome.failed", A{"Said": s})
	case uploader.Replaced:
		return T("engine.outcome.replaced", A{"File": FileName(f.ReplacedBy)})
	}
	return T("engine.outcome.no_word", nil)
}

// said is Scene7's words about a file without their last full stop, since the sentence
// around them ends them with the language's own ("。" in Japanese); "" when it gave none.
// They often name the file, as Scene7 kept it: escaped as a name is (ServerText).
func said(f uploader.FileOutcome) string {
	m := strings.TrimSpace(f.Message)
	if m == "" && f.LogType == "FatalError" {
		m = T("engine.outcome.fatal", nil)
	}
	return ServerText(strings.TrimRight(m, ".。"))
}

// OutcomeSummary is one sentence about a set of outcomes: "12 of 14 files ready in
// Scene7 (1 with warnings), 1 failed."
func OutcomeSummary(outs []uploader.FileOutcome) string {
	t := uploader.TallyOutcomes(outs)
	s := N("engine.outcome.summary", t.Files, A{"Ready": t.Ready})
	for _, part := range []struct {
		id string
		n  int
	}{{"engine.outcome.summary_warnings", t.Warnings}, {"engine.outcome.summary_failed", t.Failed}, {"engine.outcome.summary_no_word", t.NoWord},
		{"engine.outcome.summary_replaced", t.Replaced}} {
		if part.n > 0 {
			s += N(part.id, part.n, nil)
		}
	}
	return s + T("engine.outcome.summary_end", nil)
}

// NameWarning says what Scene7 will do with a file's name (pre-flight). The asset ID is
// escaped as its file name is (ServerText: the sentence quotes it): a control character
// kept in it would act on the terminal or reorder the line.
func NameWarning(w uploader.NameWarning) string {
	switch w.Kind {
	case uploader.WarnSameAsset:
		return T("engine.warn.same_asset", A{"AssetID": ServerText(w.AssetID), "Other": FileName(w.Other)})
	case uploader.WarnCharsRemoved:
		if w.AssetID == "" {
			return T("engine.warn.all_chars_removed", nil)
		}
		return T("engine.warn.chars_removed", A{"AssetID": ServerText(w.AssetID)})
	case uploader.WarnUnsupported:
		if w.Ext == "" {
			return T("engine.warn.no_extension", nil)
		}
		return T("engine.warn.unsupported", A{"Ext": w.Ext})
	}
	return w.Kind.String()
}

// systemFiles name the kinds of system files.
var systemFiles = map[uploader.SystemFile]string{
	uploader.SysFinderSettings:      "engine.system.finder_settings",
	uploader.SysSpotlightIndex:      "engine.system.spotlight_index",
	uploader.SysMacTrash:            "engine.system.mac_trash",
	uploader.SysFSEventsLog:         "engine.system.fsevents_log",
	uploader.SysMacTemporary:        "engine.system.mac_temporary",
	uploader.SysVersionStore:        "engine.system.version_store",
	uploader.SysNetworkDiskSettings: "engine.system.network_disk_settings",
	uploader.SysFolderIcon:          "engine.system.folder_icon",
	uploader.SysThumbnailCache:      "engine.system.thumbnail_cache",
	uploader.SysFolderSettings:      "engine.system.folder_settings",
	uploader.SysRecycleBin:          "engine.system.recycle_bin",
	uploader.SysWindowsSystemFolder: "engine.system.windows_system_folder",
	uploader.SysAppleDouble:         "engine.system.apple_double",
	uploader.SysOfficeLock:          "engine.system.office_lock",
	uploader.SysLibreOfficeLock:     "engine.system.libreoffice_lock",
}

// skipMessages are the sentences of the skip kinds that need only the names.
var skipMessages = map[uploader.SkipKind]string{
	uploader.SkipSameRel:     "engine.skip.same_rel",
	uploader.SkipSpecial:     "engine.skip.special",
	uploader.SkipLinkLoop:    "engine.skip.link_loop",
	uploader.SkipLinkOutside: "engine.skip.link_outside",
	uploader.SkipLinkBroken:  "engine.skip.link_broken",
	uploader.SkipLinkSelf:    "engine.skip.link_self",
	uploader.SkipGone:        "engine.skip.gone",
}

// Skip says why the walk left a path out and, for a problem, what to do; "" when s has no
// kind (a path whose reason was kept as a sentence).
func Skip(s uploader.Skipped) string {
	if s.Kind == 0 {
		return ""
	}
	a := A{"Name": FileName(s.Name), "Other": FileName(s.Other), "Rel": FileName(s.Rel)}
	if s.Folder && (s.Kind == uploader.SkipGone || s.Kind == uploader.SkipUnreadable) {
		a["Reason"] = osReason(s.Err)
		return T("engine.skip.folder_unreadable", a)
	}
	switch s.Kind {
	case uploader.SkipSystem:
		a["What"] = T(systemFiles[s.System], nil)
		return T("engine.skip.system", a)
	case uploader.SkipControlChar:
		return Error(&uploader.NameError{Kind: uploader.NameControl, Rel: s.Rel, Char: s.Char})
	case uploader.SkipSameNFC:
		return sameNFC(s.Rel, s.Path, s.Other)
	}
	if id, ok := skipMessages[s.Kind]; ok {
		return T(id, a)
	}
	// SkipUnreadable, and any kind from a newer engine.
	if errors.Is(s.Err, fs.ErrPermission) {
		return T("engine.skip.permission", a)
	}
	a["Reason"] = osReason(s.Err)
	return T("engine.skip.unreadable", a)
}
