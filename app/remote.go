package app

import (
	"context"
	"net/http"

	"hoist/ui"
	"hoist/uploader"
)

// remote makes the window's server calls through the engine's SOAP client.
type remote struct{ http *http.Client }

func (r remote) api(c ui.Conn) *uploader.API {
	return &uploader.API{HTTP: r.http, Endpoint: c.Endpoint, Credentials: c.Credentials}
}

func (r remote) Test(ctx context.Context, c ui.Conn) (uploader.Verdict, error) {
	return uploader.TestConnection(ctx, r.http, c.Endpoint, c.Credentials, c.Company)
}

func (r remote) ActiveJobs(ctx context.Context, c ui.Conn) ([]uploader.ActiveJob, uploader.Exchange, error) {
	return r.api(c).ActiveJobs(ctx, c.Company, "")
}

func (r remote) JobLog(ctx context.Context, c ui.Conn, handle string) ([]uploader.JobLog, uploader.Exchange, error) {
	return r.api(c).JobLog(ctx, c.Company, handle)
}
