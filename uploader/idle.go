package uploader

import "time"

// JobIdleExpiry is how long the UploadFile servlet keeps a job that receives no POST
// (docs/protocol.md §Job life cycle). It is the one definition outside the sandbox, which
// has its own configurable value for tests; Client.JobIdleTimeout defaults to it.
const JobIdleExpiry = 30 * time.Minute

// JobTooIdle is the one rule for "too idle to use": a job whose last POST ended at
// lastPost is not sent more files at now once it has been idle for nine tenths of expiry
// (27 of 30 minutes); the upload goes on in a new job instead. The tenth is a safety
// margin: lastPost is when the answer reached this computer, later than the moment the
// server last saw the job, and the next POST's first bytes take a while to reach the
// server (a connection to open, a proxy to cross). Trying a handle the server has just
// dropped costs a fault, a getActiveJobs call and a resend. A zero lastPost or expiry
// is never too idle.
func JobTooIdle(lastPost, now time.Time, expiry time.Duration) bool {
	if lastPost.IsZero() || expiry <= 0 {
		return false
	}
	return now.Sub(lastPost) > expiry*9/10
}
