package sandbox

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// commit runs once a POST has been read in full and accepted: it creates the job (first
// POST) or checks that it is still active, moves the received files into place, writes
// the job log and ends the job when asked. It holds the server lock throughout so that a
// concurrent endJob POST cannot slip between a file and its log entry; renames within
// one folder tree are quick.
func (u *uploadPost) commit() (string, *ipsFault) {
	s := u.s
	s.mu.Lock()
	defer s.mu.Unlock()
	j := u.job
	if j == nil {
		if s.activeByNameLocked(u.params.company, u.params.jobName) != nil {
			return "", apiFault(codeInvalidParameter, "Invalid parameter uploadPostParam/jobName: an active job is already named %q", u.params.jobName)
		}
		// The job began when its first POST did, before that POST's files arrived.
		j = s.newJobLocked(u.rec.Time, u.params, u.user, remoteIP(u.r))
	} else if j.state != JobRunning {
		// Ended (endJob by another POST) or expired while this POST was streaming.
		return "", apiFault(codeInvalidParameter, "Upload job %s is not active (unknown, ended or expired)", j.handle)
	}
	u.rec.JobHandle = j.handle
	for _, f := range u.files {
		s.placeLocked(j, f)
	}
	j.last = time.Now()
	if u.params.endJob {
		s.closeLocked(j, j.last, JobDone, "ended by the client")
	}
	return j.handle, nil
}

// placeLocked moves one received file to its asset path and queues it for processing
// (processing.go), or logs why it was not stored. Problems with one file are the job
// log's business (UploadError), not the POST's: the real service also answers the POST
// once it has the bytes and ingests them afterwards. Caller holds s.mu.
func (s *Server) placeLocked(j *job, f *receivedFile) {
	j.total++
	j.totalSize += f.size
	// Scene7 takes the removed characters out of the name; the rest of the name without
	// its extension is the asset ID (names.go).
	asset, id := sceneAsset(f.asset)
	if asset == f.asset {
		j.addLog(f.began, "FileBegin", asset, "Receiving %s", asset)
	} else {
		j.addLog(f.began, "FileBegin", asset, "Receiving %s as %s (Scene7 removes %s from names)", f.asset, asset, removedFromNames)
	}
	now := time.Now()
	fail := func(err error) {
		j.errors++
		j.addLog(now, "UploadError", asset, "Could not store %s: %v", f.asset, err)
	}
	if id == "" {
		fail(errors.New("nothing of its name is left to make an asset ID once Scene7 removes " + removedFromNames))
		j.log[len(j.log)-1].AssetID = "" // the stored form of the name would suggest one
		return
	}
	dst := s.Scene7File(j.company, asset)
	if info, err := os.Lstat(dst); err == nil && info.IsDir() {
		fail(errors.New("a folder of that name exists"))
		return
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		fail(err)
		return
	}
	prev, replacing := s.assetIndexLocked(j.company)[id]
	if replacing && !j.overwrite {
		// The real service skips a file whose asset ID exists when the job does not
		// overwrite, and says so in the job log; the POST still succeeds and the
		// earlier asset stays.
		j.duplicates++
		if prev == asset {
			j.addLog(now, "DuplicateSkipped", asset, "%s already exists and the job does not overwrite: skipped", asset)
		} else {
			j.addLog(now, "DuplicateSkipped", asset, "%s is the asset %s, which exists as %s, and the job does not overwrite: skipped", asset, id, prev)
		}
		return
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		fail(err)
		return
	}
	if err := os.Rename(f.temp, dst); err != nil {
		fail(err)
		return
	}
	f.temp = ""
	if err := s.claimAssetLocked(j.company, id, asset); err != nil {
		// The new file is in place; only the earlier one could not be removed.
		j.addLog(now, "UploadWarning", asset, "%s replaces %s, which could not be removed: %v", asset, prev, err)
	}
	j.files = append(j.files, asset)
	j.queueLocked(pendingFile{asset: asset, size: f.size, replacing: replacing, replaces: prev, head: f.head})
}
