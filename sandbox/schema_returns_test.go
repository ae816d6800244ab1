package sandbox

import (
	"testing"
)

// readAnswer parses an answer of the sandbox and validates its payload (the document, or
// the first element of a SOAP Body) against a type of the WSDL.
func readAnswer(t *testing.T, what string, a answer, soap bool, space string, ct *complexType) {
	t.Helper()
	n, err := parseXML([]byte(a.body), "")
	if err != nil {
		t.Fatalf("%s: not XML: %v\n%s", what, err, a.body)
	}
	if soap {
		_, body, f := splitEnvelope(n)
		if f != nil {
			t.Fatalf("%s: %v\n%s", what, f, a.body)
		}
		n = body.Kids[0]
		if n.Local == "Fault" {
			n = n.child("detail").Kids[0]
		}
	}
	if n.Space != space {
		t.Errorf("%s: %s in namespace %q, want %q", what, n.Local, n.Space, space)
	}
	if f := validate(n, ct, true); f != nil {
		t.Errorf("%s does not follow the WSDL: %s\n%s", what, f.reason, a.body)
	}
}

// TestAnswersFollowTheWSDL reads every kind of answer the sandbox gives as a client
// generated from the WSDL would.
func TestAnswersFollowTheWSDL(t *testing.T) {
	r := start(t, Config{ProcessingTime: 1 << 62})
	auth := xmlPart("auth", demoAuth)
	full := minimalJob[:len(minimalJob)-len("<emailSetting>None</emailSetting>")] +
		`<manualCropOptions><left>1</left><right>2</right><top>3</top><bottom>4</bottom></manualCropOptions>` +
		`<emailSetting>None</emailSetting><xmpKeywords>a,b</xmpKeywords>`
	a := upload(t, r, auth, xmlPart("uploadParams", newJobParams("answers", "<description>d</description>", full)),
		filePart("f", "a.jpg", jpg("1")), filePart("g", "b.psb", []byte("8BPS")))
	readAnswer(t, "uploadPostReturn", a, false, nsIPS2014, uploadPostReturnType)
	h := mustHandle(t, a)

	readAnswer(t, "bare ipsApiFault", upload(t, r, auth, xmlPart("uploadParams", "<x/>")), false, nsIPS, faultElement)
	readAnswer(t, "bare authenticationFault", upload(t, r, xmlPart("auth", authXML(DemoUser, "wrong", 200)),
		xmlPart("uploadParams", newJobParams("x", "", minimalJob))), false, nsIPS, faultElement)

	good := soapAuth(DemoUser, DemoPassword, 0)
	login := `<checkLoginParam xmlns="` + nsIPS2014 + `"><email>` + DemoUser + `</email><password>` + DemoPassword + `</password></checkLoginParam>`
	readAnswer(t, "checkLoginReturn", soapCall(t, r, "checkLogin", envelope(good, login)), true, nsIPS2014, checkLoginReturn)
	readAnswer(t, "SOAP fault", soapCall(t, r, "checkLogin", envelope(soapAuth(DemoUser, "x", 0), login)), true, nsIPS, faultElement)

	activeParam := `<getActiveJobsParam xmlns="` + nsIPS2014 + `"/>`
	readAnswer(t, "getActiveJobsReturn of a running job", soapCall(t, r, "getActiveJobs", envelope(good, activeParam)), true, nsIPS2014, getActiveJobsReturn)
	logParam := `<getJobLogDetailsParam xmlns="` + nsIPS2014 + `"><companyHandle>` + DemoCompany + `</companyHandle></getJobLogDetailsParam>`
	readAnswer(t, "getJobLogDetailsReturn of a running job", soapCall(t, r, "getJobLogDetails", envelope(good, logParam)), true, nsIPS2014, getJobLogDetailsReturn)

	mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", laterParams(h, "<endJob>true</endJob>"))))
	readAnswer(t, "getActiveJobsReturn of a processing job", soapCall(t, r, "getActiveJobs", envelope(good, activeParam)), true, nsIPS2014, getActiveJobsReturn)
	r.FinishProcessing()
	readAnswer(t, "getJobLogDetailsReturn of an ended job", soapCall(t, r, "getJobLogDetails", envelope(good, logParam)), true, nsIPS2014, getJobLogDetailsReturn)
	readAnswer(t, "empty getActiveJobsReturn", soapCall(t, r, "getActiveJobs", envelope(good, activeParam)), true, nsIPS2014, getActiveJobsReturn)
}
