package app

import (
	"context"
	"net/http"

	"hoist/uploader"
)

// remote makes the window's server calls through the engine's SOAP client.
type remote struct{ http *http.Client }

func (r remote) api(c uploader.Conn) *uploader.API {
	return &uploader.API{HTTP: r.http, Conn: c}
}

func (r remote) Test(ctx context.Context, c uploader.Conn) (uploader.Verdict, error) {
	return uploader.TestConnection(ctx, r.http, c)
}

func (r remote) ActiveJobs(ctx context.Context, c uploader.Conn) ([]uploader.ActiveJob, uploader.Exchange, error) {
	return r.api(c).ActiveJobs(ctx, "")
}

func (r remote) JobLog(ctx context.Context, c uploader.Conn, handle string) ([]uploader.JobLog, uploader.Exchange, error) {
	return r.api(c).JobLog(ctx, handle)
}
