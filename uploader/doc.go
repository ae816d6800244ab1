// Package uploader is Hoist's upload engine, usable as a library and free of any GUI code.
//
// It speaks two protocols: Adobe Scene7 / Dynamic Media Classic (the UploadFile servlet,
// its UploadPostJob options and the IPS SOAP calls checkLogin, getActiveJobs and
// getJobLogDetails) and the Dr.Sum Cloud Hub file upload Web API. Files are streamed from
// disk with an exact Content-Length; progress, retries and failures travel as Events.
package uploader
