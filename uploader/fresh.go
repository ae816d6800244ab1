package uploader

import "time"

// freshWalk is how long after its walk (Request.Walked) a file is trusted to be what was
// listed. Until then a POST goes without first stat'ing each of its files: the body reader
// refuses a file that changed or vanished anyway, by failing its POST, which then goes
// again without it once the rest of its files have been looked at (s7job.lookAgain), so a
// folder deleted mid-upload costs one failed POST per batch, not one per file. Those stats
// were 4–8 % of the CPU time of a 2,000-file upload started by the command line right
// after its walk (bench/README.md, CPU against curl). The window's queue was walked when the
// files were added, maybe hours before: its POSTs look at their files first, as does
// every POST after freshWalk, and every POST once one file of the upload was found changed
// (filesMoved): whatever moved it may be moving others, and each found by a body costs a
// failed request (for Dr.Sum, one per file, each on a new connection).
const freshWalk = 10 * time.Second

// mustLook reports whether files must be looked at before their POST.
func (r *run) mustLook() bool {
	return r.filesMoved.Load() || time.Since(r.req.Walked) > freshWalk
}

// fileMoved records that a body found a file no longer as walked.
func (r *run) fileMoved() { r.filesMoved.Store(true) }
