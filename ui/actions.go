package ui

import (
	"errors"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"

	"hoist/app/session"
	"hoist/app/store"
	"hoist/internal/words"
	"hoist/uploader"
)

// target is the upload the settings on screen describe, without its password.
func (w *Window) target() session.Target {
	p := w.Dest.current
	ep, _ := w.Dest.endpoint()
	// The engine cleans the folder (uploader.CleanFolder), for the CLI alike.
	folder := strings.TrimSpace(w.Dest.folder.Text)
	return session.Target{
		Profile: p.Name,
		Conn: uploader.Conn{Endpoint: ep, Credentials: uploader.Credentials{User: p.User},
			Company: strings.TrimSpace(w.Dest.company.Text), Network: p.Network()},
		JobName:    strings.TrimSpace(w.Dest.job.Text),
		DestFolder: folder,
		Options:    w.Options.ForUpload(),
	}
}

// withPassword fills in the password: the one typed for this session, else the saved one.
// It may wait for the keychain, so it runs off Fyne's thread.
func (w *Window) withPassword(t *session.Target, p store.Profile, typed string) error {
	if typed != "" {
		t.Credentials.Password = typed
		return nil
	}
	pw, err := w.d.Secrets.Password(p)
	if err != nil {
		var unavailable *store.KeychainUnavailableError
		if errors.As(err, &unavailable) {
			return errors.New(unavailable.Sentence())
		}
		return errors.New(words.T("window.no_password", words.A{"Name": store.DisplayName(p.Name)}))
	}
	t.Credentials.Password = pw
	return nil
}

// Upload sends the queued files with the settings on screen.
func (w *Window) Upload() { w.startWith(w.d.Queue.Start) }

// Retry sends the failed and cancelled files again: those among rows, or every one when
// rows is nil.
func (w *Window) Retry(rows []int) {
	w.startWith(func(t session.Target) error { return w.d.Queue.RetryRows(t, rows) })
}

// Resume goes on with the paused upload, where it was going (the job log says whether
// its job was still open).
func (w *Window) Resume() {
	note, err := w.d.Queue.Resume()
	if err != nil {
		note = words.Error(err)
	}
	w.Queue.SetStatus(note)
}

func (w *Window) startWith(start func(session.Target) error) {
	if w.blocked() != "" {
		w.changed() // the line above the queue says what to fix; nothing is sent
		return
	}
	t, p, typed := w.target(), w.Dest.current, w.Dest.password.Text
	status := ""
	if typed == "" && !p.Sandbox {
		status = words.T("window.reading_keychain", nil) // it may ask to be unlocked
	}
	w.Queue.SetStatus(status)
	w.endResume()
	w.Tabs.SelectIndex(tabQueue)
	enable(w.Queue.Upload, false)
	// Once started, the upload reports through the session's observer only.
	w.d.run(func() {
		err := w.withPassword(&t, p, typed)
		if err == nil {
			if status != "" {
				fyne.Do(func() { w.Queue.SetStatus("") })
			}
			err = start(t)
		}
		if err != nil {
			fyne.Do(func() {
				w.changed()
				w.Queue.SetStatus(words.Error(err))
				w.startFailed = true
			})
		}
	})
}

// ended reports a finished upload: the status line, a desktop notification with the
// counts, and a fresh job name for the next upload.
func (w *Window) ended(s session.Summary) {
	w.lastSummary = s
	s.Message = endedText(s) // counted as the line under the bar counts
	w.Queue.SetStatus(s.Message)
	if s.Paused { // the person paused it: no notification, the job goes on at Resume
		w.changed()
		return
	}
	if s.Following > 0 {
		// The notification waits for what Scene7 makes of the files (processed).
		w.Queue.SetStatus(words.N("window.following", s.Following, words.A{"Summary": s.Message}))
	} else if s.Done+s.Failed > 0 { // nothing was sent: the person saw why in the window
		w.App.SendNotification(fyne.NewNotification(endedTitle(s), endedBody(s)))
	}
	w.Admin.AddJobs(s.JobName, s.Handles) // ready for Show job log
	w.Dest.NewJobName()
	w.changed()
	w.startFailed = s.Done+s.Failed+s.NotSent+s.Cancelled == 0 && s.Err != nil // the status says why it did not start
}

// endedTitle is the notification's title for an upload that ended.
func endedTitle(s session.Summary) string {
	switch {
	case errors.Is(s.Err, uploader.ErrCancelled):
		return words.T("notify.cancelled", nil)
	case s.Failed > 0 || s.Err != nil:
		return words.T("notify.finished.problems", nil)
	}
	return words.T("notify.finished", nil)
}

// endedBody counts what became of the files, and names the job.
func endedBody(s session.Summary) string {
	counts := []string{words.N("notify.count.uploaded", s.Done, nil)}
	for _, c := range []struct {
		n  int
		id string
	}{{s.Failed, "notify.count.failed"}, {s.NotSent, "notify.count.not_sent"}, {s.Cancelled, "notify.count.cancelled"}, {s.Skipped, "notify.count.skipped"}} {
		if c.n > 0 {
			counts = append(counts, words.N(c.id, c.n, nil))
		}
	}
	list := strings.Join(counts, words.T("window.list.separator", nil))
	if s.JobName != "" {
		return words.T("notify.body.job", words.A{"Counts": list, "Job": s.JobName})
	}
	return words.T("notify.body", words.A{"Counts": list})
}

// processed reports what Scene7 made of the files of an upload: the status line and the
// notification count what is ready, not what was posted, against the same files as the
// line under the overall bar (processedText).
func (w *Window) processed(p session.Processed) {
	msg, retry := processedText(p, w.lastSummary)
	title := words.T("notify.processed", nil)
	if p.Failed+p.NoWord+p.Pending > 0 || p.Err != nil || retry {
		title = words.T("notify.processed.problems", nil)
	}
	if retry {
		w.Queue.SetStatusThenRetry(msg)
		// The notification is read away from the window, where no row is chosen.
		msg = joinSentences(msg, retryHint(retryLabel(false)))
	} else {
		w.Queue.SetStatus(msg)
	}
	w.App.SendNotification(fyne.NewNotification(title, msg))
}

// assetLink is the published link of a ready asset, from the connection's published
// Image Serving base.
func (w *Window) assetLink(row session.Row) (string, error) {
	return uploader.PublishLink(w.Dest.current.PublishBase, row.AssetID)
}

// openLink opens a link in the browser.
func (w *Window) openLink(link string) {
	u, err := url.Parse(link)
	if err == nil {
		err = w.App.OpenURL(u)
	}
	if err != nil {
		w.Queue.SetStatus(words.T("window.link_not_opened", words.A{"Reason": words.Error(err)}))
	}
}

// LastSummary is the summary of the last upload that ended (for tests).
func (w *Window) LastSummary() session.Summary { return w.lastSummary }

// Drop adds dropped files and folders to the queue.
func (w *Window) Drop(uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	w.AddPaths(paths)
}

// AddPaths walks paths in the background and adds what they hold to the queue.
func (w *Window) AddPaths(paths []string) {
	if len(paths) == 0 {
		return
	}
	w.Queue.SetStatus(words.T("window.reading_dropped", nil))
	w.d.run(func() {
		added, skipped := w.d.Queue.Add(paths)
		fyne.Do(func() {
			w.Queue.SetStatus(addedText(added, skipped))
			if w.OnAdded != nil {
				w.OnAdded(added, skipped)
			}
		})
	})
}

func addedText(added, skipped int) string {
	switch {
	case added == 0 && skipped == 0:
		return words.T("window.added.nothing", nil)
	case skipped == 0:
		return words.N("window.added", added, nil)
	}
	return words.T("window.added.skipped", words.A{"Added": words.N("window.added.count", added, nil), "Skipped": words.N("window.skipped.count", skipped, nil)})
}

// AddFiles opens the system's file dialog.
func (w *Window) AddFiles() {
	w.d.run(func() {
		paths, err := w.d.Pickers.OpenFiles()
		w.picked(paths, err)
	})
}

// AddFolder opens the system's folder dialog.
func (w *Window) AddFolder() {
	w.d.run(func() {
		dir, err := w.d.Pickers.OpenFolder()
		w.picked([]string{dir}, err)
	})
}

func (w *Window) picked(paths []string, err error) {
	switch {
	case errors.Is(err, ErrPickerCancelled):
	case err != nil:
		fyne.Do(func() { w.Queue.SetStatus(words.T("window.picker_failed", words.A{"Reason": words.Error(err)})) })
	default:
		fyne.Do(func() { w.AddPaths(paths) })
	}
}

// presetToSave is the preset the options on screen make.
func (w *Window) presetToSave() store.Preset {
	return store.Preset{Options: w.Options.Options()}
}

// applyPreset shows a loaded preset's options (and its folder, when it has one).
func (w *Window) applyPreset(p store.Preset) {
	was := w.restoring // a preset loaded while the last run's settings are put back
	w.restoring = true
	w.Options.SetOptions(p.Options)
	if p.DestFolder != "" {
		w.Dest.folder.SetText(p.DestFolder)
	}
	w.restoring = was
	w.changed()
}
