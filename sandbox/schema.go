package sandbox

import (
	"math"
	"strconv"
	"strings"
)

// The schema tables below are the sandbox's one description of the request documents it
// accepts: element order, types, required elements, string constants and ranges. The
// real service parses them with Axis2-generated (ADB) parsers, which walk a sequence in
// schema order and fail on any element they do not expect; the validator does the same.
//
// Sources: the seeds, PROTOCOL-IPS-TYPES.md, and the Axis2 beans generated from the
// IPS WSDL of namespace 2016-01-14-beta (public repository marcoguastalli/oneloginsaml2,
// src/main/java/com/scene7/www/ipsapi/xsd/_2016_01_14_beta/). The beta schema is the
// closest published relative of 2014-04-03: its UploadPostJob order is used here, with
// knockoutBackgroundOptions as the 2014-04-03 WSDL names it too, and without
// excludeMasterVideoFromAVS.
// Required sub-type elements are those the beta beans serialise unconditionally.
// String constants marked "unverified" come from PROTOCOL-IPS-TYPES.md only.

type xsdKind int

const (
	xsString xsdKind = iota
	xsBoolean
	xsInt
	xsLong
	xsDouble
	xsComplex
	xsAny // accepted without validation (a later POST's ignored uploadParams)
)

// field is one element of a sequence.
type field struct {
	name     string
	kind     xsdKind
	required bool
	repeated bool
	enum     []string // allowed values of a string constant
	ranged   bool
	lo, hi   float64
	typ      *complexType
}

// complexType is an ordered sequence of elements.
type complexType struct {
	name   string
	fields []field
}

func ct(name string, fields ...field) *complexType { return &complexType{name, fields} }
func str(name string, enum ...string) field        { return field{name: name, kind: xsString, enum: enum} }
func boolean(name string) field                    { return field{name: name, kind: xsBoolean} }
func xint(name string) field                       { return field{name: name, kind: xsInt} }
func xlong(name string) field                      { return field{name: name, kind: xsLong} }
func double(name string) field                     { return field{name: name, kind: xsDouble} }
func sub(name string, t *complexType) field        { return field{name: name, kind: xsComplex, typ: t} }
func anyContent(name string) field                 { return field{name: name, kind: xsAny} }
func (f field) req() field                         { f.required = true; return f }
func (f field) many() field                        { f.repeated = true; return f }
func (f field) within(lo, hi float64) field        { f.ranged, f.lo, f.hi = true, lo, hi; return f }

var (
	autoCropCorners = []string{"BottomLeft", "BottomRight", "UpperLeft", "UpperRight"}
	knockoutCorners = []string{"UpperLeft", "BottomLeft", "UpperRight", "BottomRight"}
	colorSpaces     = []string{"Auto", "Rgb", "Cmyk", "Gray"}
	anchors         = []string{"Center", "North", "Northwest", "West", "Southwest", "South", "Southeast", "East", "Northeast"}
	emailSettings   = []string{"All", "Error", "ErrorAndWarning", "JobCompletion", "None"}

	handleArray = ct("HandleArray", str("items").many())

	manualCropOptions = ct("ManualCropOptions",
		xint("left").req(), xint("right").req(), xint("top").req(), xint("bottom").req())
	autoColorCropOptions = ct("AutoColorCropOptions",
		str("corner", autoCropCorners...).req(), double("tolerance").within(0, 1).req())
	autoTransparentCropOptions = ct("AutoTransparentCropOptions",
		double("tolerance").within(0, 1).req())
	knockoutBackgroundOptions = ct("KnockoutBackgroundOptions",
		str("corner", knockoutCorners...).req(), double("tolerance").within(0, 1),
		str("fillMethod", "FloodFill", "MatchPixel").req())
	photoshopLayerOptions = ct("PhotoshopLayerOptions",
		str("layerNaming", "LayerName", "AppendNumber", "AppendName", "Folders"),
		str("anchor", anchors...), boolean("createTemplate"), boolean("extractText"), boolean("extendLayers"))
	photoshopOptions = ct("PhotoshopOptions",
		str("process", "None", "MaintainLayers"), sub("layerOptions", photoshopLayerOptions))
	// PostScript and Illustrator process values: unverified.
	postScriptOptions = ct("PostScriptOptions",
		str("process", "None", "Rasterize"), double("resolution"), str("colorspace", colorSpaces...),
		boolean("alpha"), boolean("extractSearchWords"))
	pdfOptions = ct("PDFOptions",
		str("process", "None", "Rasterize", "Thumbnail"), double("resolution"), str("colorspace", colorSpaces...),
		boolean("pdfCatalog"), boolean("extractSearchWords"), boolean("extractLinks"))
	// The beta beans give IllustratorOptions a double resolution and a "colorspace"
	// element (PROTOCOL-IPS-TYPES.md says string and "colorSpace").
	illustratorOptions = ct("IllustratorOptions",
		str("process", "None", "Rasterize"), double("resolution"), str("colorspace", colorSpaces...), boolean("alpha"))
	colorManagementOptions = ct("ColorManagementOptions",
		str("colorManagement", "Default", "MaintainOriginal", "Convert").req(),
		str("sourceProfileHandle"), str("outputProfileHandle"))
	autoSetCreationOptions = ct("AutoSetCreationOptions", sub("autoSetsArray", handleArray))
	thumbnailOptions       = ct("ThumbnailOptions", xlong("thumbnailTime").within(0, math.MaxInt64))
	mediaOptions           = ct("MediaOptions",
		sub("videoEncodingPresetsArray", handleArray), boolean("generateThumbnail"), sub("thumbnailOptions", thumbnailOptions))
	// InDesignOptions: the beta beans know one free-form "process" string.
	inDesignOptions    = ct("InDesignOptions", str("process"))
	unsharpMaskOptions = ct("UnsharpMaskOptions",
		double("amount").within(0, 5), double("radius").within(0, 250),
		xint("threshold").within(0, 255), xint("monochrome").within(0, 1))
	unCompressOptions = ct("UnCompressOptions", str("process", "None", "UnCompress").req())

	// uploadPostJob is UploadPostJob, the job's processing options. preservePublishState
	// is optional in the schema but required by the seed, which Hoist follows.
	uploadPostJob = ct("UploadPostJob",
		boolean("overwrite").req(),
		boolean("readyForPublish").req(),
		boolean("preservePublishState").req(),
		boolean("createMask").req(),
		boolean("preserveCrop"),
		sub("knockoutBackgroundOptions", knockoutBackgroundOptions),
		sub("manualCropOptions", manualCropOptions),
		sub("autoColorCropOptions", autoColorCropOptions),
		sub("autoTransparentCropOptions", autoTransparentCropOptions),
		sub("photoshopOptions", photoshopOptions),
		sub("postScriptOptions", postScriptOptions),
		sub("pdfOptions", pdfOptions),
		sub("illustratorOptions", illustratorOptions),
		sub("colorManagementOptions", colorManagementOptions),
		sub("autoSetCreationOptions", autoSetCreationOptions),
		sub("projectHandleArray", handleArray),
		str("emailSetting", emailSettings...).req(),
		str("postHttpUrl"),
		sub("mediaOptions", mediaOptions),
		sub("inDesignOptions", inDesignOptions),
		str("xmpKeywords"),
		sub("unsharpMaskOptions", unsharpMaskOptions),
		sub("unCompressOptions", unCompressOptions),
	)

	uploadPostParamFields = []field{
		str("companyHandle").req(), str("jobName"), str("jobHandle"), str("locale"),
		str("description"), str("destFolder"), str("fileName"), boolean("endJob"),
	}
	// uploadPostParamNew is the first POST of a job: its uploadParams create the job.
	uploadPostParamNew = ct("uploadPostParam", append(uploadPostParamFields[:len(uploadPostParamFields):len(uploadPostParamFields)],
		sub("uploadParams", uploadPostJob))...)
	// uploadPostParamLater is a later POST: uploadParams, if sent, is ignored.
	uploadPostParamLater = ct("uploadPostParam", append(uploadPostParamFields[:len(uploadPostParamFields):len(uploadPostParamFields)],
		anyContent("uploadParams"))...)

	authHeaderType = ct("authHeader",
		str("user"), str("password"), str("locale"), str("appName"), str("appVersion"),
		boolean("gzipResponse"), xint("faultHttpStatusCode"))

	checkLoginParam    = ct("checkLoginParam", str("companyHandle"), str("email").req(), str("password").req())
	getActiveJobsParam = ct("getActiveJobsParam",
		str("companyHandle"), str("jobHandle"), str("originalName"), boolean("includeWaitingJobs"))
	getJobLogDetailsParam = ct("getJobLogDetailsParam",
		str("companyHandle").req(), str("jobHandle"), str("originalName"),
		sub("logTypeArray", ct("StringArray", str("items").many())),
		xint("recordsPerPage").within(1, 1000), xint("resultsPage").within(1, math.MaxInt32),
		str("sortBy", "Date", "LogType"), str("sortDirection", "Ascending", "Descending"))
)

// validate checks a document against a type and returns the fault the real service
// would give: structure first (30003: unknown, misplaced, repeated or mis-namespaced
// elements), then missing required elements (30002), then values (30001).
func validate(n *node, t *complexType) *ipsFault {
	if f := checkStructure(n, t, n.Local); f != nil {
		return f
	}
	if f := checkRequired(n, t, n.Local); f != nil {
		return f
	}
	return checkValues(n, t, n.Local)
}

func checkStructure(n *node, t *complexType, path string) *ipsFault {
	next, prev := 0, ""
	for _, k := range n.Kids {
		p := path + "/" + k.Local
		if k.Space != n.Space {
			return apiFault(codeInvalidRequestXML, "Invalid request XML: element %s is in namespace %q, expected %q", p, k.Space, n.Space)
		}
		j := next
		for j < len(t.fields) && t.fields[j].name != k.Local {
			j++
		}
		if j == len(t.fields) {
			for i := 0; i < next; i++ {
				if t.fields[i].name == k.Local {
					return apiFault(codeInvalidRequestXML, "Invalid request XML: element %s cannot follow %s in %s (repeated or out of schema order)", p, prev, t.name)
				}
			}
			return apiFault(codeInvalidRequestXML, "Invalid request XML: unexpected element %s in %s", p, t.name)
		}
		f := t.fields[j]
		next, prev = j+1, k.Local
		if f.repeated {
			next = j
		}
		switch f.kind {
		case xsAny:
		case xsComplex:
			if k.hasText {
				return apiFault(codeInvalidRequestXML, "Invalid request XML: element %s of type %s cannot hold text", p, f.typ.name)
			}
			if fl := checkStructure(k, f.typ, p); fl != nil {
				return fl
			}
		default:
			if len(k.Kids) > 0 {
				return apiFault(codeInvalidRequestXML, "Invalid request XML: element %s cannot hold elements", p)
			}
		}
	}
	return nil
}

func checkRequired(n *node, t *complexType, path string) *ipsFault {
	for _, f := range t.fields {
		k := n.child(f.name)
		if k == nil {
			if f.required {
				return apiFault(codeMissingParameter, "Missing required parameter: %s/%s", path, f.name)
			}
			continue
		}
		if f.kind == xsComplex {
			for _, kk := range n.Kids {
				if kk.Local == f.name {
					if fl := checkRequired(kk, f.typ, path+"/"+f.name); fl != nil {
						return fl
					}
				}
			}
		}
	}
	return nil
}

func checkValues(n *node, t *complexType, path string) *ipsFault {
	for _, k := range n.Kids {
		var f field
		for _, c := range t.fields {
			if c.name == k.Local {
				f = c
				break
			}
		}
		p := path + "/" + k.Local
		if f.kind == xsComplex {
			if fl := checkValues(k, f.typ, p); fl != nil {
				return fl
			}
			continue
		}
		if fl := checkValue(f, k.Text, p); fl != nil {
			return fl
		}
	}
	return nil
}

// checkValue applies the xsd lexical rules (whitespace collapsed for the non-string
// types) and the table's constants and ranges.
func checkValue(f field, raw, path string) *ipsFault {
	v := strings.TrimSpace(raw)
	bad := func(why string) *ipsFault {
		return apiFault(codeInvalidParameter, "Invalid parameter %s: %q %s", path, raw, why)
	}
	var num float64
	switch f.kind {
	case xsAny:
		return nil
	case xsString:
		if len(f.enum) == 0 {
			return nil
		}
		for _, e := range f.enum {
			if raw == e {
				return nil
			}
		}
		return bad("is not one of " + strings.Join(f.enum, ", "))
	case xsBoolean:
		if v == "true" || v == "false" || v == "1" || v == "0" {
			return nil
		}
		return bad("is not an xsd:boolean (true, false, 1 or 0)")
	case xsInt, xsLong:
		bits := 32
		if f.kind == xsLong {
			bits = 64
		}
		i, err := strconv.ParseInt(v, 10, bits)
		if err != nil {
			return bad("is not an integer")
		}
		num = float64(i)
	case xsDouble:
		d, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(d) || math.IsInf(d, 0) {
			return bad("is not a number")
		}
		num = d
	}
	if f.ranged && (num < f.lo || num > f.hi) {
		return bad("is out of range " + strconv.FormatFloat(f.lo, 'g', -1, 64) + "–" + strconv.FormatFloat(f.hi, 'g', -1, 64))
	}
	return nil
}

// xsdTrue reads an xsd:boolean that has passed validation.
func xsdTrue(s string) bool {
	v := strings.TrimSpace(s)
	return v == "true" || v == "1"
}
