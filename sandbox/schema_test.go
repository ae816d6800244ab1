package sandbox

import (
	"fmt"
	"strings"
	"testing"
)

// wsdlTypes restates, type by type, the sequences of the 2014-04-03 IpsApi WSDL
// (docs/protocol.md §uploadPostParam … §getJobLogDetails) in a compact form: name:type,
// "?" for minOccurs 0, "*" for 0..unbounded. The test holds the sandbox's table to it, so
// a slip in the table (a name, the order, an occurrence or a type) fails here.
var wsdlTypes = map[string]string{
	"UploadPostJob": "overwrite:boolean readyForPublish:boolean preservePublishState?:boolean createMask:boolean " +
		"preserveCrop?:boolean knockoutBackgroundOptions?:KnockoutBackgroundOptions manualCropOptions?:ManualCropOptions " +
		"autoColorCropOptions?:AutoColorCropOptions autoTransparentCropOptions?:AutoTransparentCropOptions " +
		"photoshopOptions?:PhotoshopOptions postScriptOptions?:PostScriptOptions pdfOptions?:PDFOptions " +
		"illustratorOptions?:IllustratorOptions colorManagementOptions?:ColorManagementOptions " +
		"autoSetCreationOptions?:AutoSetCreationOptions projectHandleArray?:HandleArray emailSetting:string " +
		"postHttpUrl?:string mediaOptions?:MediaOptions inDesignOptions?:InDesignOptions xmpKeywords?:string " +
		"unsharpMaskOptions?:UnsharpMaskOptions unCompressOptions?:UnCompressOptions excludeMasterVideoFromAVS?:boolean",
	"KnockoutBackgroundOptions":  "corner:string tolerance?:double fillMethod:string",
	"ManualCropOptions":          "left:int right:int top:int bottom:int",
	"AutoColorCropOptions":       "corner:string tolerance:double",
	"AutoTransparentCropOptions": "tolerance:double",
	"PhotoshopOptions":           "process?:string layerOptions?:PhotoshopLayerOptions",
	"PhotoshopLayerOptions":      "layerNaming?:string anchor?:string createTemplate?:boolean extractText?:boolean extendLayers?:boolean",
	"PostScriptOptions":          "process?:string resolution?:double colorspace?:string alpha?:boolean extractSearchWords?:boolean",
	"PDFOptions":                 "process?:string resolution?:double colorspace?:string pdfCatalog?:boolean extractSearchWords?:boolean extractLinks?:boolean",
	"IllustratorOptions":         "process?:string resolution?:double colorspace?:string alpha?:boolean",
	"InDesignOptions":            "process?:string",
	"ColorManagementOptions":     "colorManagement:string sourceProfileHandle?:string outputProfileHandle?:string",
	"AutoSetCreationOptions":     "autoSetsArray?:HandleArray",
	"MediaOptions":               "videoEncodingPresetsArray?:HandleArray generateThumbnail?:boolean thumbnailOptions?:ThumbnailOptions",
	"ThumbnailOptions":           "thumbnailTime?:long",
	"UnsharpMaskOptions":         "amount?:double radius?:double threshold?:int monochrome?:int",
	"UnCompressOptions":          "process:string",
	"HandleArray":                "items*:string",
	"StringArray":                "items*:string",
	"uploadPostParam": "companyHandle:string jobName?:string jobHandle?:string locale?:string description?:string " +
		"destFolder?:string fileName?:string endJob?:boolean uploadParams?:UploadPostJob",
	"authHeader (versioned)": "user?:string password?:string accessToken?:string locale?:string appName:string appVersion:string " +
		"gzipResponse?:boolean faultHttpStatusCode?:int",
	"authHeader (unversioned, all)": "user?:string password?:string accessToken?:string locale?:string appName?:string appVersion?:string " +
		"gzipResponse?:boolean faultHttpStatusCode?:int",
	"checkLoginParam":       "companyHandle?:string email:string password:string",
	"getActiveJobsParam":    "companyHandle?:string jobHandle?:string originalName?:string includeWaitingJobs?:boolean",
	"getJobLogDetailsParam": "companyHandle:string jobHandle?:string originalName?:string logTypeArray?:StringArray recordsPerPage?:int resultsPage?:int sortBy?:string sortDirection?:string",
}

// documentTypes are the roots the sandbox reads, keyed as in wsdlTypes.
var documentTypes = map[string]*complexType{
	"uploadPostParam":               uploadPostParam,
	"authHeader (versioned)":        authHeaderVersioned,
	"authHeader (unversioned, all)": authHeaderUnversioned,
	"checkLoginParam":               checkLoginParam,
	"getActiveJobsParam":            getActiveJobsParam,
	"getJobLogDetailsParam":         getJobLogDetailsParam,
}

// spec renders a table type in wsdlTypes' notation.
func spec(t *complexType) string {
	var parts []string
	for _, f := range t.fields {
		occ := ""
		switch {
		case f.max == unbounded:
			occ = "*"
		case f.min == 0:
			occ = "?"
		}
		typ := strings.TrimPrefix(kindName(f.kind), "xsd:")
		if f.kind == xsComplex {
			typ = f.typ.name
		}
		parts = append(parts, f.name+occ+":"+typ)
	}
	return strings.Join(parts, " ")
}

// eachType visits every complex type reachable from the document roots once, with the key
// wsdlTypes knows it by.
func eachType(visit func(key string, t *complexType)) {
	seen := map[*complexType]bool{}
	var walk func(key string, t *complexType)
	walk = func(key string, t *complexType) {
		if seen[t] {
			return
		}
		seen[t] = true
		visit(key, t)
		for _, f := range t.fields {
			if f.typ != nil {
				walk(f.typ.name, f.typ)
			}
		}
	}
	for key, t := range documentTypes {
		walk(key, t)
	}
}

func TestTableMatchesWSDL(t *testing.T) {
	visited := map[string]bool{}
	eachType(func(key string, ct *complexType) {
		visited[key] = true
		want, ok := wsdlTypes[key]
		if !ok {
			t.Errorf("the table has type %s, which the WSDL listing does not", key)
			return
		}
		if got := spec(ct); got != want {
			t.Errorf("%s:\n table %s\n  WSDL %s", key, got, want)
		}
	})
	for key := range wsdlTypes {
		if !visited[key] {
			t.Errorf("the table lacks %s", key)
		}
	}
	if !authHeaderUnversioned.all || authHeaderVersioned.all {
		t.Error("the unversioned authHeader is an xsd:all group, the versioned one a sequence")
	}
}

// sample is a valid value of a simple element of the table.
func sample(f field) string {
	switch {
	case len(f.enum) > 0:
		return f.enum[len(f.enum)-1]
	case f.kind == xsBoolean:
		return "true"
	case f.kind == xsDouble:
		return "0.5"
	case f.kind == xsInt || f.kind == xsLong:
		return "1"
	}
	return "text"
}

// fullContent writes every element of a type, nested types in full.
func fullContent(t *complexType) []string {
	var out []string
	for _, f := range t.fields {
		body := sample(f)
		if f.kind == xsComplex {
			body = strings.Join(fullContent(f.typ), "")
		}
		out = append(out, "<"+f.name+">"+body+"</"+f.name+">")
	}
	return out
}

func doc(root, space string, kids []string) string {
	return `<` + root + ` xmlns="` + space + `">` + strings.Join(kids, "") + `</` + root + `>`
}

// check validates a document of a type and returns the fault, if any.
func check(t *testing.T, ct *complexType, space, xmlDoc string) *ipsFault {
	t.Helper()
	n, err := parseXML([]byte(xmlDoc), "")
	if err != nil {
		t.Fatalf("test document does not parse: %v\n%s", err, xmlDoc)
	}
	return validate(n, ct, true)
}

func wantStructFault(t *testing.T, f *ipsFault, names ...string) {
	t.Helper()
	if f == nil {
		t.Fatal("accepted")
	}
	if f.kind != ipsAPIFault || f.code != codeInvalidRequestXML {
		t.Fatalf("got %s %d (%s), want ipsApiFault 30003", f.kind, f.code, f.reason)
	}
	for _, n := range names {
		if !strings.Contains(f.reason, n) {
			t.Errorf("reason %q does not name %s", f.reason, n)
		}
	}
}

// TestEveryTypeReadLikeAxis2 builds, for every type of the table, a full document and a
// minimal one (required elements only), then breaks them one way at a time: a required
// element removed, two neighbours swapped, an unknown element inserted at every position,
// an element in another namespace, each typed value replaced by one of another type.
func TestEveryTypeReadLikeAxis2(t *testing.T) {
	eachType(func(key string, ct *complexType) {
		space := nsIPS2014
		if ct == authHeaderUnversioned {
			space = nsIPS
		}
		root := ct.name
		full := fullContent(ct)
		t.Run(key, func(t *testing.T) {
			if f := check(t, ct, space, doc(root, space, full)); f != nil {
				t.Fatalf("full document refused: %v", f)
			}
			var minimal []string
			for i, f := range ct.fields {
				if f.min > 0 {
					minimal = append(minimal, full[i])
				}
			}
			if f := check(t, ct, space, doc(root, space, minimal)); f != nil {
				t.Fatalf("minimal document refused: %v", f)
			}
			for i, f := range ct.fields {
				if f.min == 0 {
					continue
				}
				without := append(append([]string(nil), full[:i]...), full[i+1:]...)
				t.Run("missing "+f.name, func(t *testing.T) {
					wantStructFault(t, check(t, ct, space, doc(root, space, without)), qname(space, f.name))
				})
			}
			if !ct.all {
				for i := 0; i+1 < len(full); i++ {
					swapped := append([]string(nil), full...)
					swapped[i], swapped[i+1] = swapped[i+1], swapped[i]
					a, b := ct.fields[i].name, ct.fields[i+1].name
					if a == b {
						continue
					}
					t.Run("swapped "+a+" "+b, func(t *testing.T) {
						// Axis2 names the element it met where it expected another: one
						// of the two, depending on which is required.
						f := check(t, ct, space, doc(root, space, swapped))
						wantStructFault(t, f)
						if !strings.Contains(f.reason, "}"+a) && !strings.Contains(f.reason, "}"+b) {
							t.Errorf("reason %q names neither %s nor %s", f.reason, a, b)
						}
					})
				}
			}
			for i := 0; i <= len(full); i++ {
				unknown := append(append(append([]string(nil), full[:i]...), "<colourOptions/>"), full[i:]...)
				t.Run(fmt.Sprintf("unknown at %d", i), func(t *testing.T) {
					wantStructFault(t, check(t, ct, space, doc(root, space, unknown)), qname(space, "colourOptions"))
				})
			}
			first := ct.fields[0].name
			foreign := append([]string{strings.Replace(full[0], "<"+first+">", `<`+first+` xmlns="urn:other">`, 1)}, full[1:]...)
			t.Run("foreign namespace", func(t *testing.T) {
				wantStructFault(t, check(t, ct, space, doc(root, space, foreign)), qname("urn:other", first), "namespace")
			})
			bad := map[xsdKind]string{xsBoolean: "yes", xsInt: "1.5", xsLong: "12x", xsDouble: "0,5"}
			for i, f := range ct.fields {
				v, typed := bad[f.kind]
				if !typed {
					continue
				}
				broken := append([]string(nil), full...)
				broken[i] = "<" + f.name + ">" + v + "</" + f.name + ">"
				t.Run("bad "+kindName(f.kind)+" "+f.name, func(t *testing.T) {
					wantStructFault(t, check(t, ct, space, doc(root, space, broken)), root+"/"+f.name, kindName(f.kind))
				})
			}
		})
	})
}

func TestLexicalSpaces(t *testing.T) {
	for _, tc := range []struct {
		kind xsdKind
		in   string
		ok   bool
	}{
		// Axis2's ConverterUtil does not trim a boolean, an int or a long
		// (docs/protocol.md §Axis2 parsing); Double.parseDouble trims a double.
		{xsBoolean, "true", true}, {xsBoolean, " 0 ", false}, {xsBoolean, "true\n", false}, {xsBoolean, "TRUE", false}, {xsBoolean, "", false},
		{xsInt, "-2147483648", true}, {xsInt, "+7", true}, {xsInt, " 5", false}, {xsInt, "2147483648", false}, {xsInt, "0x10", false},
		{xsLong, "9223372036854775807", true}, {xsLong, "7 ", false}, {xsLong, "1e3", false},
		{xsDouble, "1E3", true}, {xsDouble, " 0.5 ", true}, {xsDouble, ".5", true}, {xsDouble, "-INF", true}, {xsDouble, "NaN", true},
		{xsDouble, "Infinity", false}, {xsDouble, "0x1p-2", false}, {xsDouble, "1_000", false}, {xsDouble, "", false},
	} {
		if got := lexicalOK(tc.kind, tc.in); got != tc.ok {
			t.Errorf("%s %q: %v, want %v", kindName(tc.kind), tc.in, got, tc.ok)
		}
	}
}

func TestNilIsRefused(t *testing.T) {
	d := doc("checkLoginParam", nsIPS2014, []string{`<companyHandle xmlns:xsi="` + nsXSI + `" xsi:nil="true"/>`, "<email>e</email>", "<password>p</password>"})
	wantStructFault(t, check(t, checkLoginParam, nsIPS2014, d), "checkLoginParam/companyHandle", "null")
	d = doc("checkLoginParam", nsIPS2014, []string{`<companyHandle xmlns:xsi="` + nsXSI + `" xsi:nil="false">c|2101</companyHandle>`, "<email>e</email>", "<password>p</password>"})
	if f := check(t, checkLoginParam, nsIPS2014, d); f != nil {
		t.Errorf("xsi:nil=false refused: %v", f)
	}
}

func TestUnversionedAuthHeaderAnyOrder(t *testing.T) {
	d := doc("authHeader", nsIPS, []string{"<faultHttpStatusCode>200</faultHttpStatusCode>", "<password>p</password>", "<user>u</user>"})
	if f := check(t, authHeaderUnversioned, nsIPS, d); f != nil {
		t.Fatalf("xsd:all refused another order: %v", f)
	}
	d = doc("authHeader", nsIPS, []string{"<user>u</user>", "<user>v</user>"})
	wantStructFault(t, check(t, authHeaderUnversioned, nsIPS, d), qname(nsIPS, "user"), "once")
}
