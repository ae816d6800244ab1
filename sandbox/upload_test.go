package sandbox

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// seedRequest is Adobe's example body (docs/protocol.md §UploadFile parts) with only
// the credentials changed, the stray "--boundary--" after uploadParams made a plain
// boundary, the blank line the documentation lost after each file part's headers put
// back, and the documentation's trailing spaces trimmed.
const seedRequest = `--O9-ba7tieRtqA4QRSaVk-eDq6658SPrYfvUcJ
Content-Disposition: form-data; name="auth"
Content-Type: text/plain; charset=US-ASCII
Content-Transfer-Encoding: 8bit

            <authHeader xmlns="http://www.scene7.com/IpsApi/xsd/2014-04-03">
                   <user>demo@hoist.local</user>
                   <password>sandbox</password>
                   <locale>en-US</locale>
                   <appName>MyUploadServletTest</appName>
                   <appVersion>1.0</appVersion>
                   <faultHttpStatusCode>200</faultHttpStatusCode>
           </authHeader>

--O9-ba7tieRtqA4QRSaVk-eDq6658SPrYfvUcJ
Content-Disposition: form-data; name="uploadParams"
Content-Type: text/plain; charset=US-ASCII
Content-Transfer-Encoding: 8bit

            <uploadPostParam xmlns="http://www.scene7.com/IpsApi/xsd/2014-04-03">
                <companyHandle>c|2101</companyHandle>
                <jobName>uploadFileServlet-1376682217351</jobName>
                <uploadParams>
                    <overwrite>true</overwrite>
                    <readyForPublish>true</readyForPublish>
                    <preservePublishState>true</preservePublishState>
                    <createMask>true</createMask>
                    <preserveCrop>true</preserveCrop>
                    <manualCropOptions>
                      <left>500</left>
                      <right>500</right>
                      <top>500</top>
                      <bottom>500</bottom>
                    </manualCropOptions>
                    <photoshopOptions>
                      <process>MaintainLayers</process>
                      <layerOptions>
                        <layerNaming>AppendNumber</layerNaming>
                        <anchor>Northwest</anchor>
                        <createTemplate>true</createTemplate>
                        <extractText>true</extractText>
                        <extendLayers>false</extendLayers>
                      </layerOptions>
                    </photoshopOptions>
                    <emailSetting>None</emailSetting>
                </uploadParams>
            </uploadPostParam>

--O9-ba7tieRtqA4QRSaVk-eDq6658SPrYfvUcJ
Content-Disposition: form-data; name="file1"; filename="ApiTestCo1/UploadFileServlet1376682217351//1376682217351-1.jpg"
Content-Type: application/octet-stream; charset=ISO-8859-1
Content-Transfer-Encoding: binary

FILE1
--O9-ba7tieRtqA4QRSaVk-eDq6658SPrYfvUcJ
Content-Disposition: form-data; name="file2"; filename="ApiTestCo1/UploadFileServlet1376682217351//1376682217351-2.jpg"
Content-Type: application/octet-stream; charset=ISO-8859-1
Content-Transfer-Encoding: binary

FILE2
--O9-ba7tieRtqA4QRSaVk-eDq6658SPrYfvUcJ--
`

func TestSeedExampleAccepted(t *testing.T) {
	r := start(t, Config{})
	file1 := append([]byte("\xff\xd8\xff\xe0 jpeg one\r\n--not a boundary\r\n"), 0, 1, 2)
	file2 := []byte("second file")
	body := strings.ReplaceAll(seedRequest, "\n", "\r\n")
	body = strings.Replace(body, "FILE1", string(file1), 1)
	body = strings.Replace(body, "FILE2", string(file2), 1)
	status, ct, resp := post(t, r.Scene7UploadURL(), "multipart/form-data; boundary=O9-ba7tieRtqA4QRSaVk-eDq6658SPrYfvUcJ", []byte(body))
	handle := mustHandle(t, answer{status, resp})
	if ct != "text/xml;charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if !strings.HasPrefix(resp, `<?xml version='1.0' encoding='UTF-8'?><uploadPostReturn xmlns="http://www.scene7.com/IpsApi/xsd/2014-04-03"><jobHandle>`) {
		t.Errorf("answer %s", resp)
	}
	if !regexp.MustCompile(`^j\|2101\|\|uploadFileServlet-1376682217351\|\d+$`).MatchString(handle) {
		t.Errorf("jobHandle %q", handle)
	}
	for name, want := range map[string][]byte{"1376682217351-1.jpg": file1, "1376682217351-2.jpg": file2} {
		got := mustRead(t, r.Scene7File(DemoCompany, "ApiTestCo1/UploadFileServlet1376682217351/"+name))
		if !bytes.Equal(got, want) {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
	reqs := r.Requests()
	if len(reqs) != 1 || reqs[0].User != DemoUser || reqs[0].JobName != "uploadFileServlet-1376682217351" ||
		reqs[0].JobHandle != handle || len(reqs[0].Files) != 2 || reqs[0].Status != 200 || reqs[0].Fault != "" {
		t.Errorf("recorded %+v", reqs)
	}
}

func TestAuthenticationFaults(t *testing.T) {
	r := start(t, Config{})
	params := xmlPart("uploadParams", newJobParams("j1", "", minimalJob))
	for _, tc := range []struct {
		name         string
		auth         string
		status, code int
	}{
		{"wrong password, faultHttpStatusCode 200", authXML(DemoUser, "nope", 200), 200, 10001},
		{"wrong password, default status", authXML(DemoUser, "nope", 0), 500, 10001},
		{"wrong user", authXML("someone@else", DemoPassword, 0), 500, 10001},
		{"no credentials", authXML("", "", 0), 500, 10000},
		{"faultHttpStatusCode 403", authXML(DemoUser, "nope", 403), 403, 10001},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := upload(t, r, xmlPart("auth", tc.auth), params, filePart("f", "a.jpg", []byte("x")))
			mustFault(t, a, tc.status, "authenticationFault", tc.code)
			if !strings.HasPrefix(a.body, `<?xml version='1.0' encoding='UTF-8'?><tns:authenticationFault xmlns:tns="http://www.scene7.com/IpsApi/xsd"><tns:code>`) {
				t.Errorf("not the seed's fault shape: %s", a.body)
			}
		})
	}
	if len(r.Jobs()) != 0 {
		t.Error("a refused POST created a job")
	}
}

func TestUnknownCompany(t *testing.T) {
	r := start(t, Config{})
	p := strings.Replace(newJobParams("j1", "", minimalJob), DemoCompany, "c|9999", 1)
	a := upload(t, r, xmlPart("auth", demoAuth), xmlPart("uploadParams", p))
	f := mustFault(t, a, 200, "authorizationFault", 20000)
	contains(t, f.Reason, "company")
}

func TestMissingAndMisplacedParts(t *testing.T) {
	r := start(t, Config{})
	auth, params := xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams("j1", "", minimalJob))
	file := filePart("file1", "a.jpg", []byte("x"))
	for _, tc := range []struct {
		name         string
		parts        []part
		status, code int
		reason       string
	}{
		{"no auth", []part{params, file}, 500, 30002, "auth"},
		{"no uploadParams", []part{auth, file}, 200, 30002, "uploadParams"},
		{"file first, auth never", []part{file, params}, 500, 30002, "auth"},
		{"file before auth", []part{file, auth, params}, 200, 30003, "before the file parts"},
		{"file between the XML parts", []part{auth, file, params}, 200, 30003, "before the file parts"},
		{"uploadParams first is fine", []part{params, auth, file}, 200, 0, ""},
		{"two auth parts", []part{auth, auth, params}, 200, 30003, "more than one"},
		{"auth without appName", []part{xmlPart("auth", strings.Replace(demoAuth, "<appName>HoistTest</appName>", "", 1)), params}, 200, 30003,
			"required subelement {" + nsIPS2014 + "}appName is missing"},
		{"auth without appVersion", []part{xmlPart("auth", strings.Replace(demoAuth, "<appVersion>1.0</appVersion>", "", 1)), params}, 200, 30003,
			"required subelement {" + nsIPS2014 + "}appVersion is missing"},
		{"auth with appName after appVersion", []part{xmlPart("auth", strings.Replace(demoAuth, "<appName>HoistTest</appName><appVersion>1.0</appVersion>", "<appVersion>1.0</appVersion><appName>HoistTest</appName>", 1)), params}, 200, 30003,
			"Unexpected subelement {" + nsIPS2014 + "}appVersion"},
		{"unversioned auth in any order", []part{xmlPart("auth", `<authHeader xmlns="`+nsIPS+`"><faultHttpStatusCode>200</faultHttpStatusCode><password>`+DemoPassword+`</password><user>`+DemoUser+`</user></authHeader>`), params}, 200, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r.ExpireJobs() // frees the job name j1
			a := upload(t, r, tc.parts...)
			if tc.code == 0 {
				mustHandle(t, a)
				return
			}
			f := mustFault(t, a, tc.status, "ipsApiFault", tc.code)
			contains(t, f.Reason, tc.reason)
		})
	}
}

func TestUploadPostParamValidation(t *testing.T) {
	r := start(t, Config{})
	ns := `xmlns="` + nsIPS2014 + `"`
	job := func(content string) string { return newJobParams("j1", "", content) }
	replace := func(old, new string) string { return job(strings.Replace(minimalJob, old, new, 1)) }
	withOption := func(option string) string { // an option block that goes before emailSetting
		return job(strings.Replace(minimalJob, "<emailSetting>", option+"<emailSetting>", 1))
	}
	withLateOption := func(option string) string { return job(minimalJob + option) } // ...and one after it
	for _, tc := range []struct {
		name, params string
		code         int
		reason       string
	}{
		{"malformed XML", job(minimalJob)[:60], 30003, "Invalid request XML"},
		{"wrong root", `<uploadParam ` + ns + `/>`, 30003, "uploadPostParam"},
		{"wrong namespace", strings.Replace(job(minimalJob), nsIPS2014, "urn:other", 1), 30003, "namespace"},
		{"unversioned namespace", strings.Replace(job(minimalJob), nsIPS2014, nsIPS, 1), 30003, "namespace"},
		{"old knockout name", withOption("<knockoutBackground><corner>UpperLeft</corner><fillMethod>FloodFill</fillMethod></knockoutBackground>"), 30003, "Unexpected subelement {" + nsIPS2014 + "}knockoutBackground"},
		{"bad boolean", replace("<overwrite>true</overwrite>", "<overwrite>yes</overwrite>"), 30003, "uploadParams/overwrite"},
		{"bad boolean endJob", newJobParams("j1", "<endJob>True</endJob>", minimalJob), 30003, "endJob"},
		// Axis2 parses a boolean or an int as sent, untrimmed (docs/protocol.md §Axis2 parsing).
		{"boolean with spaces", replace("<overwrite>true</overwrite>", "<overwrite> true </overwrite>"), 30003, "uploadParams/overwrite"},
		{"int with spaces", withOption("<manualCropOptions><left> 1</left><right>1</right><top>1</top><bottom>1</bottom></manualCropOptions>"), 30003, "left"},
		{"out of order", job(`<readyForPublish>true</readyForPublish><overwrite>true</overwrite><preservePublishState>true</preservePublishState><createMask>false</createMask><emailSetting>None</emailSetting>`), 30003, "overwrite"},
		{"option after emailSetting", job(minimalJob + `<photoshopOptions><process>None</process></photoshopOptions>`), 30003, "photoshopOptions"},
		{"unknown element", withOption("<colourOptions/>"), 30003, "colourOptions"},
		{"repeated element", replace("<createMask>false</createMask>", "<createMask>false</createMask><createMask>true</createMask>"), 30003, "createMask"},
		{"uploadPostParam out of order", `<uploadPostParam ` + ns + `><jobName>j1</jobName><companyHandle>c|2101</companyHandle><uploadParams>` + minimalJob + `</uploadParams></uploadPostParam>`, 30003, "companyHandle"},
		{"unqualified child", strings.Replace(job(minimalJob), "<overwrite>true</overwrite>", `<overwrite xmlns="">true</overwrite>`, 1), 30003, "namespace"},
		{"text in a complex element", withOption("<manualCropOptions>5</manualCropOptions>"), 30003, "manualCropOptions"},
		{"element in a simple one", replace("<overwrite>true</overwrite>", "<overwrite><b/></overwrite>"), 30003, "overwrite"},
		{"missing overwrite", replace("<overwrite>true</overwrite>", ""), 30003, "overwrite"},
		{"missing readyForPublish", replace("<readyForPublish>true</readyForPublish>", ""), 30003, "readyForPublish"},
		{"missing createMask", replace("<createMask>false</createMask>", ""), 30003, "createMask"},
		{"missing emailSetting", replace("<emailSetting>None</emailSetting>", ""), 30003, "emailSetting"},
		{"missing uploadParams", `<uploadPostParam ` + ns + `><companyHandle>c|2101</companyHandle><jobName>j1</jobName></uploadPostParam>`, 30002, "uploadParams"},
		{"missing companyHandle", `<uploadPostParam ` + ns + `><jobName>j1</jobName><uploadParams>` + minimalJob + `</uploadParams></uploadPostParam>`, 30003, "companyHandle"},
		{"missing manual crop side", withOption("<manualCropOptions><left>1</left><right>1</right><top>1</top></manualCropOptions>"), 30003, "bottom"},
		{"no jobName nor jobHandle", `<uploadPostParam ` + ns + `><companyHandle>c|2101</companyHandle><uploadParams>` + minimalJob + `</uploadParams></uploadPostParam>`, 30002, "jobName"},
		{"jobName and jobHandle", `<uploadPostParam ` + ns + `><companyHandle>c|2101</companyHandle><jobName>a</jobName><jobHandle>b</jobHandle></uploadPostParam>`, 30001, "not both"},
		{"bad emailSetting", replace("<emailSetting>None</emailSetting>", "<emailSetting>none</emailSetting>"), 30001, "emailSetting"},
		{"bad anchor", withOption("<photoshopOptions><layerOptions><anchor>Middle</anchor></layerOptions></photoshopOptions>"), 30001, "anchor"},
		{"bad corner", withOption("<autoColorCropOptions><corner>TopLeft</corner><tolerance>0.5</tolerance></autoColorCropOptions>"), 30001, "corner"},
		{"tolerance above 1", withOption("<autoTransparentCropOptions><tolerance>1.5</tolerance></autoTransparentCropOptions>"), 30001, "tolerance"},
		{"tolerance not a number", withOption("<autoTransparentCropOptions><tolerance>NaN</tolerance></autoTransparentCropOptions>"), 30001, "tolerance"},
		{"unsharp amount", withLateOption("<unsharpMaskOptions><amount>5.5</amount></unsharpMaskOptions>"), 30001, "amount"},
		{"unsharp radius", withLateOption("<unsharpMaskOptions><radius>-1</radius></unsharpMaskOptions>"), 30001, "radius"},
		{"unsharp threshold", withLateOption("<unsharpMaskOptions><threshold>256</threshold></unsharpMaskOptions>"), 30001, "threshold"},
		{"unsharp monochrome", withLateOption("<unsharpMaskOptions><monochrome>2</monochrome></unsharpMaskOptions>"), 30001, "monochrome"},
		{"crop not an int", withOption("<manualCropOptions><left>1.5</left><right>1</right><top>1</top><bottom>1</bottom></manualCropOptions>"), 30003, "left"},
		{"uncompress case", withLateOption("<unCompressOptions><process>uncompress</process></unCompressOptions>"), 30001, "process"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := upload(t, r, xmlPart("auth", demoAuth), xmlPart("uploadParams", tc.params))
			f := mustFault(t, a, 200, "ipsApiFault", tc.code)
			contains(t, f.Reason, tc.reason)
		})
	}
	if len(r.Jobs()) != 0 {
		t.Error("an invalid POST created a job")
	}
}

func TestFullOptionsAccepted(t *testing.T) {
	r := start(t, Config{})
	full := `<overwrite>1</overwrite><readyForPublish>0</readyForPublish><preservePublishState>true</preservePublishState><createMask>false</createMask>` +
		`<preserveCrop>true</preserveCrop>` +
		`<knockoutBackgroundOptions><corner>UpperLeft</corner><tolerance>0.2</tolerance><fillMethod>FloodFill</fillMethod></knockoutBackgroundOptions>` +
		`<manualCropOptions><left>0</left><right>0</right><top>10</top><bottom>10</bottom></manualCropOptions>` +
		`<autoColorCropOptions><corner>BottomRight</corner><tolerance>0</tolerance></autoColorCropOptions>` +
		`<autoTransparentCropOptions><tolerance>1</tolerance></autoTransparentCropOptions>` +
		`<photoshopOptions><process>MaintainLayers</process><layerOptions><layerNaming>Folders</layerNaming><anchor>Center</anchor><createTemplate>false</createTemplate><extractText>false</extractText><extendLayers>true</extendLayers></layerOptions></photoshopOptions>` +
		`<postScriptOptions><process>Rasterize</process><resolution>150</resolution><colorspace>Cmyk</colorspace><alpha>true</alpha><extractSearchWords>false</extractSearchWords></postScriptOptions>` +
		`<pdfOptions><process>Thumbnail</process><resolution>72</resolution><colorspace>Rgb</colorspace><pdfCatalog>true</pdfCatalog><extractSearchWords>true</extractSearchWords><extractLinks>false</extractLinks></pdfOptions>` +
		`<illustratorOptions><process>None</process><resolution>300</resolution><colorspace>Auto</colorspace><alpha>false</alpha></illustratorOptions>` +
		`<colorManagementOptions><colorManagement>Convert</colorManagement><sourceProfileHandle>p|1</sourceProfileHandle><outputProfileHandle>p|2</outputProfileHandle></colorManagementOptions>` +
		`<autoSetCreationOptions><autoSetsArray><items>s|1</items><items>s|2</items></autoSetsArray></autoSetCreationOptions>` +
		`<projectHandleArray><items>p|9</items></projectHandleArray>` +
		`<emailSetting>ErrorAndWarning</emailSetting>` +
		`<postHttpUrl>https://example.invalid/post</postHttpUrl>` +
		`<mediaOptions><videoEncodingPresetsArray><items>v|1</items></videoEncodingPresetsArray><generateThumbnail>true</generateThumbnail><thumbnailOptions><thumbnailTime>1500</thumbnailTime></thumbnailOptions></mediaOptions>` +
		`<inDesignOptions><process>None</process></inDesignOptions>` +
		`<xmpKeywords>spring,sale\,2025</xmpKeywords>` +
		`<unsharpMaskOptions><amount>5</amount><radius>250</radius><threshold>255</threshold><monochrome>1</monochrome></unsharpMaskOptions>` +
		`<unCompressOptions><process>UnCompress</process></unCompressOptions>` +
		`<excludeMasterVideoFromAVS>false</excludeMasterVideoFromAVS>`
	a := upload(t, r, xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams("full", "<locale>fr-FR</locale><description>every option</description><destFolder>a/b</destFolder>", full)))
	mustHandle(t, a)
}
