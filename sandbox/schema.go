package sandbox

import "math"

// The sandbox's own table of the IPS request documents it reads, written from the
// 2014-04-03 IpsApi WSDL (docs/protocol.md §uploadPostParam, §UploadPostJob, §UploadPostJob
// sub-types, §authHeader, §checkLogin, §getActiveJobs, §getJobLogDetails): element names,
// order, occurrence and xsd types exactly as the schema gives them. The allowed values of
// string constants and the numeric ranges are not in the schema; they come from Adobe's
// reference pages (docs/protocol.md §String constants) and are checked after the structure,
// as the service's own validation would (30001).
//
// This table is independent of package uploader on purpose: the sandbox judges what the
// engine sends, so the two must not share their idea of the schema.

// xsdKind is the xsd type of a simple element, or xsComplex.
type xsdKind int

const (
	xsString xsdKind = iota
	xsBoolean
	xsInt
	xsLong
	xsDouble
	xsDateTime
	xsComplex
)

// unbounded is maxOccurs="unbounded".
const unbounded = -1

// field is one element declaration of a complex type: a particle of its sequence (or of
// its xsd:all group).
type field struct {
	name     string
	kind     xsdKind
	min, max int          // minOccurs, maxOccurs
	typ      *complexType // the element's type when kind is xsComplex
	enum     []string     // allowed values of a string constant (not schema)
	ranged   bool         // lo..hi applies (not schema)
	lo, hi   float64
}

// complexType is a sequence of element declarations, or an xsd:all group.
type complexType struct {
	name   string
	all    bool // xsd:all: any order, each at most once
	fields []field
}

func seq(name string, fields ...field) *complexType { return &complexType{name: name, fields: fields} }
func all(name string, fields ...field) *complexType {
	return &complexType{name: name, all: true, fields: fields}
}

// Element declarations: required and single unless made opt() or many().
func str(name string) field     { return field{name: name, kind: xsString, min: 1, max: 1} }
func boolean(name string) field { return field{name: name, kind: xsBoolean, min: 1, max: 1} }
func xint(name string) field    { return field{name: name, kind: xsInt, min: 1, max: 1} }
func xlong(name string) field   { return field{name: name, kind: xsLong, min: 1, max: 1} }
func double(name string) field  { return field{name: name, kind: xsDouble, min: 1, max: 1} }
func sub(name string, t *complexType) field {
	return field{name: name, kind: xsComplex, typ: t, min: 1, max: 1}
}
func (f field) opt() field                  { f.min = 0; return f }
func (f field) many() field                 { f.min, f.max = 0, unbounded; return f }
func (f field) oneOf(v ...string) field     { f.enum = v; return f }
func (f field) within(lo, hi float64) field { f.ranged, f.lo, f.hi = true, lo, hi; return f }

// String constants (docs/protocol.md §String constants).
var (
	corners        = []string{"UpperLeft", "UpperRight", "BottomLeft", "BottomRight"}
	colorSpaces    = []string{"Auto", "Rgb", "Cmyk", "Gray"}
	anchors        = []string{"Center", "North", "Northwest", "West", "Southwest", "South", "Southeast", "East", "Northeast"}
	emailSettings  = []string{"All", "Error", "ErrorAndWarning", "JobCompletion", "None"}
	rasterProcess  = []string{"None", "Rasterize"} // Illustrator; PostScript's list is unverified
	pdfProcess     = []string{"None", "Rasterize", "Thumbnail"}
	layerNamings   = []string{"LayerName", "AppendNumber", "AppendName", "Folders"}
	colorManaging  = []string{"Default", "MaintainOriginal", "Convert"}
	unCompressions = []string{"None", "UnCompress"}
)

// The UploadPostJob types (docs/protocol.md §UploadPostJob sub-types).
var (
	handleArray = seq("HandleArray", str("items").many())
	stringArray = seq("StringArray", str("items").many())

	knockoutBackgroundOptions = seq("KnockoutBackgroundOptions",
		str("corner").oneOf(corners...),
		double("tolerance").opt().within(0, 1),
		str("fillMethod").oneOf("FloodFill", "MatchPixel"))
	manualCropOptions = seq("ManualCropOptions",
		xint("left"), xint("right"), xint("top"), xint("bottom"))
	autoColorCropOptions = seq("AutoColorCropOptions",
		str("corner").oneOf(corners...), double("tolerance").within(0, 1))
	autoTransparentCropOptions = seq("AutoTransparentCropOptions",
		double("tolerance").within(0, 1))
	photoshopLayerOptions = seq("PhotoshopLayerOptions",
		str("layerNaming").opt().oneOf(layerNamings...),
		str("anchor").opt().oneOf(anchors...),
		boolean("createTemplate").opt(), boolean("extractText").opt(), boolean("extendLayers").opt())
	photoshopOptions = seq("PhotoshopOptions",
		str("process").opt().oneOf("None", "MaintainLayers"),
		sub("layerOptions", photoshopLayerOptions).opt())
	postScriptOptions = seq("PostScriptOptions",
		str("process").opt().oneOf(rasterProcess...), double("resolution").opt(),
		str("colorspace").opt().oneOf(colorSpaces...),
		boolean("alpha").opt(), boolean("extractSearchWords").opt())
	pdfOptions = seq("PDFOptions",
		str("process").opt().oneOf(pdfProcess...), double("resolution").opt(),
		str("colorspace").opt().oneOf(colorSpaces...),
		boolean("pdfCatalog").opt(), boolean("extractSearchWords").opt(), boolean("extractLinks").opt())
	illustratorOptions = seq("IllustratorOptions",
		str("process").opt().oneOf(rasterProcess...), double("resolution").opt(),
		str("colorspace").opt().oneOf(colorSpaces...), boolean("alpha").opt())
	colorManagementOptions = seq("ColorManagementOptions",
		str("colorManagement").oneOf(colorManaging...),
		str("sourceProfileHandle").opt(), str("outputProfileHandle").opt())
	autoSetCreationOptions = seq("AutoSetCreationOptions", sub("autoSetsArray", handleArray).opt())
	thumbnailOptions       = seq("ThumbnailOptions", xlong("thumbnailTime").opt().within(0, math.MaxInt64))
	mediaOptions           = seq("MediaOptions",
		sub("videoEncodingPresetsArray", handleArray).opt(),
		boolean("generateThumbnail").opt(),
		sub("thumbnailOptions", thumbnailOptions).opt())
	inDesignOptions    = seq("InDesignOptions", str("process").opt()) // values not published
	unsharpMaskOptions = seq("UnsharpMaskOptions",
		double("amount").opt().within(0, 5), double("radius").opt().within(0, 250),
		xint("threshold").opt().within(0, 255), xint("monochrome").opt().within(0, 1))
	unCompressOptions = seq("UnCompressOptions", str("process").oneOf(unCompressions...))

	// uploadPostJob is UploadPostJob (docs/protocol.md §UploadPostJob).
	uploadPostJob = seq("UploadPostJob",
		boolean("overwrite"),
		boolean("readyForPublish"),
		boolean("preservePublishState").opt(),
		boolean("createMask"),
		boolean("preserveCrop").opt(),
		sub("knockoutBackgroundOptions", knockoutBackgroundOptions).opt(),
		sub("manualCropOptions", manualCropOptions).opt(),
		sub("autoColorCropOptions", autoColorCropOptions).opt(),
		sub("autoTransparentCropOptions", autoTransparentCropOptions).opt(),
		sub("photoshopOptions", photoshopOptions).opt(),
		sub("postScriptOptions", postScriptOptions).opt(),
		sub("pdfOptions", pdfOptions).opt(),
		sub("illustratorOptions", illustratorOptions).opt(),
		sub("colorManagementOptions", colorManagementOptions).opt(),
		sub("autoSetCreationOptions", autoSetCreationOptions).opt(),
		sub("projectHandleArray", handleArray).opt(),
		str("emailSetting").oneOf(emailSettings...),
		str("postHttpUrl").opt(),
		sub("mediaOptions", mediaOptions).opt(),
		sub("inDesignOptions", inDesignOptions).opt(),
		str("xmpKeywords").opt(),
		sub("unsharpMaskOptions", unsharpMaskOptions).opt(),
		sub("unCompressOptions", unCompressOptions).opt(),
		boolean("excludeMasterVideoFromAVS").opt(),
	)

	// uploadPostParam is the uploadParams part (docs/protocol.md §uploadPostParam).
	uploadPostParam = seq("uploadPostParam",
		str("companyHandle"), str("jobName").opt(), str("jobHandle").opt(), str("locale").opt(),
		str("description").opt(), str("destFolder").opt(), str("fileName").opt(),
		boolean("endJob").opt(), sub("uploadParams", uploadPostJob).opt())
)

// The two authHeader elements (docs/protocol.md §authHeader).
var (
	// authHeaderVersioned is the auth part of UploadFile and, per the 2014-04-03 WSDL's
	// binding, the SOAP header: a sequence in which appName and appVersion are required.
	authHeaderVersioned = seq("authHeader",
		str("user").opt(), str("password").opt(), str("accessToken").opt(), str("locale").opt(),
		str("appName"), str("appVersion"),
		boolean("gzipResponse").opt(), xint("faultHttpStatusCode").opt())
	// authHeaderUnversioned is the element of Adobe's SOAP guide: xsd:all, all optional.
	authHeaderUnversioned = all("authHeader",
		str("user").opt(), str("password").opt(), str("accessToken").opt(), str("locale").opt(),
		str("appName").opt(), str("appVersion").opt(),
		boolean("gzipResponse").opt(), xint("faultHttpStatusCode").opt())
)

// The SOAP request bodies the sandbox serves.
var (
	checkLoginParam = seq("checkLoginParam",
		str("companyHandle").opt(), str("email"), str("password"))
	getActiveJobsParam = seq("getActiveJobsParam",
		str("companyHandle").opt(), str("jobHandle").opt(), str("originalName").opt(),
		boolean("includeWaitingJobs").opt())
	getJobLogDetailsParam = seq("getJobLogDetailsParam",
		str("companyHandle"), str("jobHandle").opt(), str("originalName").opt(),
		sub("logTypeArray", stringArray).opt(),
		xint("recordsPerPage").opt().within(1, 1000), xint("resultsPage").opt().within(1, math.MaxInt32),
		str("sortBy").opt().oneOf("Date", "LogType"),
		str("sortDirection").opt().oneOf("Ascending", "Descending"))
)
