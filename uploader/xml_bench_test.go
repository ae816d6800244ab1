package uploader

import (
	"bytes"
	"testing"
)

// XML marshalling is done once per POST (uploadPostParam) or once per upload (authHeader);
// these benchmarks show what it costs next to sending the files.

func BenchmarkAuthHeaderDocument(b *testing.B) {
	h := NewAuthHeader(Credentials{User: "bench@example.com", Password: "secret"})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := h.Document(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUploadPostParamDocument marshals the parameters of a job-opening POST, with
// Hoist's default options and with the options of Adobe's example.
func BenchmarkUploadPostParamDocument(b *testing.B) {
	def := DefaultOptions()
	for _, c := range []struct {
		name string
		opts *Options
	}{{"default-options", &def}, {"seed-options", seedOptions()}} {
		b.Run(c.name, func(b *testing.B) {
			p := UploadPostParam{CompanyHandle: "c|2101", JobName: "hoist-20261122-211530-4f9a2c", Locale: "en-US", DestFolder: "spring/campaign/web", UploadParams: c.opts}
			b.ReportAllocs()
			var n int
			for b.Loop() {
				doc, err := p.Document()
				if err != nil {
					b.Fatal(err)
				}
				n = len(doc)
			}
			b.ReportMetric(float64(n), "bytes/doc")
		})
	}
}

// BenchmarkBatchBody is the whole in-memory part of one Scene7 POST of DefaultBatchFiles
// files: the uploadPostParam document and the multipart segments around the files.
func BenchmarkBatchBody(b *testing.B) {
	items := make([]Item, DefaultBatchFiles)
	for i := range items {
		items[i] = Item{Path: "/nonexistent/img.jpg", Rel: "campaign/img.jpg", Size: 64 << 10}
	}
	r := newRun(NewClient(), &Request{Conn: Conn{Company: "c|2101"}, Locale: "en-US", Items: items}, nil)
	j := &s7job{r: r, auth: []byte("<authHeader/>")}
	live := make([]int, len(items))
	for i := range live {
		live[i] = i
	}
	param := UploadPostParam{CompanyHandle: "c|2101", JobHandle: "j|1", DestFolder: "campaign"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := j.body(live, param); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseUploadReply(b *testing.B) {
	reply := []byte(`<?xml version='1.0' encoding='UTF-8'?><uploadPostReturn xmlns="http://www.scene7.com/IpsApi/xsd/2014-04-03"><jobHandle>j|2101||hoist-20261122-211530-4f9a2c|4242</jobHandle></uploadPostReturn>`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseUploadReply(200, bytes.NewReader(reply)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSOAPEnvelope(b *testing.B) {
	a := &API{Conn: Conn{Credentials: Credentials{User: "bench@example.com", Password: "secret"}}}
	p := getActiveJobsParam{CompanyHandle: "c|2101"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.envelope(p, "secret"); err != nil {
			b.Fatal(err)
		}
	}
}
