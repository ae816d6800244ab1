// Package uploader is Hoist's upload engine, usable as a library and free of any GUI code.
//
// It speaks two protocols: Adobe Scene7 / Dynamic Media Classic (the UploadFile servlet,
// its UploadPostJob options and the IPS SOAP calls checkLogin, getActiveJobs and
// getJobLogDetails) and the Dr.Sum Cloud Hub file upload Web API. Files are streamed from
// disk with an exact Content-Length; progress, retries and failures travel as Events.
//
// Where and as whom every call goes is one value, Conn (Endpoint, Credentials, company).
// Client.Upload sends a Request (a Conn, the files Walk found and the Options);
// Client.Follow watches a Scene7 job after it ended; API makes the SOAP calls and
// TestConnection checks a Conn without uploading. The job's life (open, continue,
// expired) is a small state machine (jobstate.go) with one rule for a job too idle to use
// (JobTooIdle). Errors are typed (Fault, ReplyError, ConnError, DrSumError, FileError,
// SettingsError…) and carry what a sentence needs (codes, kinds, fields), never a sentence:
// package words (words.Error, words.Event…) says them to people in their language.
package uploader
