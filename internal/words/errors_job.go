package words

import (
	"errors"

	"hoist/uploader"
)

// notSent words a file the upload never sent because it stopped (uploader.NotSentError):
// "Not sent", then what stopped the upload, which says what to do.
func notSent(err error) (string, bool) {
	var n *uploader.NotSentError
	if !errors.As(err, &n) {
		return "", false
	}
	return T("err.not_sent", A{"Reason": Error(n.Cause)}), true
}

// jobGone words an upload stopped because the job it had moved to stopped taking files
// too (uploader.JobGoneError): what happened, and to upload the other files again.
func jobGone(err error) (string, bool) {
	var g *uploader.JobGoneError
	if !errors.As(err, &g) {
		return "", false
	}
	return T("err.job_gone", A{"Job": g.Job}), true
}
