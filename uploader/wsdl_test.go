package uploader

import (
	"reflect"
	"strings"
	"testing"
)

// wsdlSequences are the 2014-04-03 IpsApi WSDL's sequences (docs/protocol.md, "UploadPostJob"
// and its sub-types), copied by hand from the schema rather than from the structs, so that a
// renamed or reordered field fails here. excludeMasterVideoFromAVS (deprecated) is not offered.
var wsdlSequences = map[string][]string{
	"Options": {"overwrite", "readyForPublish", "preservePublishState", "createMask", "preserveCrop",
		"knockoutBackgroundOptions", "manualCropOptions", "autoColorCropOptions", "autoTransparentCropOptions",
		"photoshopOptions", "postScriptOptions", "pdfOptions", "illustratorOptions", "colorManagementOptions",
		"autoSetCreationOptions", "projectHandleArray", "emailSetting", "postHttpUrl", "mediaOptions",
		"inDesignOptions", "xmpKeywords", "unsharpMaskOptions", "unCompressOptions"},
	"ManualCrop":      {"left", "right", "top", "bottom"},
	"AutoCrop":        {"corner", "tolerance"},
	"Tolerance":       {"tolerance"},
	"Knockout":        {"corner", "tolerance", "fillMethod"},
	"Photoshop":       {"process", "layerOptions"},
	"PhotoshopLayer":  {"layerNaming", "anchor", "createTemplate", "extractText", "extendLayers"},
	"PostScript":      {"process", "resolution", "colorspace", "alpha", "extractSearchWords"},
	"PDF":             {"process", "resolution", "colorspace", "pdfCatalog", "extractSearchWords", "extractLinks"},
	"Illustrator":     {"process", "resolution", "colorspace", "alpha"},
	"InDesign":        {"process"},
	"ColorMgmt":       {"colorManagement", "sourceProfileHandle", "outputProfileHandle"},
	"Unsharp":         {"amount", "radius", "threshold", "monochrome"},
	"Media":           {"videoEncodingPresetsArray", "generateThumbnail", "thumbnailOptions"},
	"Thumbnail":       {"thumbnailTime"},
	"UnCompress":      {"process"},
	"AutoSets":        {"autoSetsArray"},
	"HandleArray":     {"items"},
	"UploadPostParam": {"companyHandle", "jobName", "jobHandle", "locale", "description", "destFolder", "fileName", "endJob", "uploadParams"},
	// The versioned authHeader's sequence, minus the elements Hoist never sends
	// (accessToken, gzipResponse): appName and appVersion are required.
	"AuthHeader": {"user", "password", "locale", "appName", "appVersion", "faultHttpStatusCode"},
}

func TestStructsFollowTheWSDL(t *testing.T) {
	seen := map[string]bool{}
	var visit func(rt reflect.Type)
	visit = func(rt reflect.Type) {
		if seen[rt.Name()] {
			return
		}
		seen[rt.Name()] = true
		want, ok := wsdlSequences[rt.Name()]
		if !ok {
			t.Errorf("%s: not in the WSDL table of this test", rt.Name())
			return
		}
		var got []string
		for i := range rt.NumField() {
			f := rt.Field(i)
			tag, _, _ := strings.Cut(f.Tag.Get("xml"), ",")
			if f.Name == "XMLName" {
				continue
			}
			got = append(got, tag)
			ft := f.Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				visit(ft)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: elements %v, the WSDL says %v", rt.Name(), got, want)
		}
	}
	visit(reflect.TypeOf(UploadPostParam{}))
	visit(reflect.TypeOf(AuthHeader{}))
	for name := range wsdlSequences {
		if !seen[name] {
			t.Errorf("%s: in the WSDL table but reached by no struct", name)
		}
	}
}

// appName and appVersion are required by the schema: they are sent in the UploadFile auth
// part and in the SOAP header even when a Client's fields were emptied.
func TestAuthHeaderAlwaysCarriesAppNameAndVersion(t *testing.T) {
	doc, err := AuthHeader{User: "u", Password: "p"}.Document()
	if err != nil {
		t.Fatal(err)
	}
	for _, el := range []string{"<appName>", "<appVersion>"} {
		if !strings.Contains(string(doc), el) {
			t.Errorf("auth part without %s: %s", el, doc)
		}
	}
	a := &API{Conn: Conn{Credentials: Credentials{User: "u", Password: "p"}}}
	env, err := a.envelope(struct{}{}, "*")
	if err != nil {
		t.Fatal(err)
	}
	for _, el := range []string{"<appName>Hoist</appName>", "<appVersion>" + Version + "</appVersion>"} {
		if !strings.Contains(string(env), el) {
			t.Errorf("SOAP header without %s: %s", el, env)
		}
	}
}
