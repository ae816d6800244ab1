package sandbox

// The documents the sandbox answers with, from the same WSDL (docs/protocol.md
// §uploadPostReturn, §Faults, §checkLogin, §getActiveJobs, §getJobLogDetails). The sandbox
// does not read these: its tests read its own answers with them, so that a client generated
// from the WSDL could parse every answer it gives.

var (
	uploadPostReturnType = seq("uploadPostReturn", str("jobHandle"))
	faultElement         = seq("fault", xint("code"), str("reason"))

	checkLoginReturn = seq("checkLoginReturn", str("status").oneOf("ValidLogin", "InvalidLogin"))

	// taskProgressArray is TaskProgressArray; the sandbox's jobs have no tasks to report,
	// so TaskProgress is declared only as far as the sandbox could write it.
	taskProgressArray = seq("TaskProgressArray", sub("items", seq("TaskProgress",
		str("taskType"), str("taskState"), xint("numProcessed"), xint("numProcessing"), xint("numPending"),
		double("progress"), str("progressMessage"), dateTime("lastProgressUpdate"))).many())

	// activeJob is ActiveJob up to uploadPostJob; the other kinds of job that may follow it
	// (publishing, optimising, exporting, …) are never written by the sandbox.
	activeJob = seq("ActiveJob",
		str("companyHandle"), str("jobHandle"), str("name"), str("originalName"), str("type"),
		str("state").oneOf("Unknown", "New", "WaitingClient", "WaitingCoordinator", "Running", "Stopping", "Done"),
		str("submitUserEmail"), str("locale").opt(), str("description").opt(), str("serverName"),
		dateTime("startDate"), dateTime("triggerTime"), xint("totalSize"), xint("progress"),
		str("progressMessage"), dateTime("lastProgressUpdate"), sub("taskProgressArray", taskProgressArray),
		sub("uploadPostJob", uploadPostJob).opt())
	getActiveJobsReturn = seq("getActiveJobsReturn",
		sub("jobArray", seq("ActiveJobArray", sub("items", activeJob).many())))

	// jobLogDetail is JobLogDetail without the auxArray the sandbox never writes.
	jobLogDetail = seq("JobLogDetail",
		str("logMessage"), str("logType"), dateTime("dateCreated"),
		str("assetName").opt(), str("assetType").opt(), str("assetHandle").opt())
	jobLog = seq("JobLog",
		str("companyHandle"), str("jobHandle"), str("jobName"), str("originalJobName"),
		str("submitUserEmail"), str("logType"), str("jobSubType"),
		dateTime("startDate").opt(), dateTime("endDate").opt(), str("description"),
		xint("fileSuccessCount"), xint("fileErrorCount"), xint("fileWarningCount"),
		xint("fileDuplicateCount"), xint("fileUpdateCount"), xint("totalFileCount"),
		xint("transferSuccessCount"), xint("transferErrorCount"), xint("transferWarningCount"),
		boolean("fatalError"), xint("detailTotalRows").opt(),
		sub("detailArray", seq("JobLogDetailArray", sub("items", jobLogDetail).many())).opt())
	getJobLogDetailsReturn = seq("getJobLogDetailsReturn",
		sub("jobLogArray", seq("JobLogArray", sub("items", jobLog).many())))
)

func dateTime(name string) field { return field{name: name, kind: xsDateTime, min: 1, max: 1} }
