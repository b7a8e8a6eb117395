{{/*
Names, labels and the table of the suite's five components.
*/}}

{{- define "ruralwatch.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "ruralwatch.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "ruralwatch.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
The components: key (their section of the values), name (module, image and Kubernetes name), route (the gateway's
RURALWATCH_GATEWAY_SERVICES_<route>_* variables), data (owns a database, publishes or consumes events), jobs (runs the
job engine of platform/background-jobs), callers (components that send it requests: the NetworkPolicy's sources).
*/}}
{{- define "ruralwatch.components" -}}
- key: gateway
  name: gateway
  data: false
  jobs: false
  callers: []
- key: household
  name: household-service
  route: HOUSEHOLD
  data: true
  jobs: true
  callers: [gateway, report]
- key: indicator
  name: indicator-service
  route: INDICATOR
  data: true
  jobs: true
  callers: [gateway, report]
- key: projectFund
  name: project-fund-service
  route: FUND
  data: true
  jobs: false
  callers: [gateway, report]
- key: report
  name: report-service
  route: REPORT
  data: true
  jobs: true
  callers: [gateway]
{{- end -}}

{{/* The Kubernetes name of a component: (dict "root" $ "name" "household-service") */}}
{{- define "ruralwatch.componentFullname" -}}
{{- printf "%s-%s" (include "ruralwatch.fullname" .root | trunc 40 | trimSuffix "-") .name -}}
{{- end -}}

{{/* The Kubernetes name of the component whose values key is given: (dict "root" $ "key" "household") */}}
{{- define "ruralwatch.fullnameOfKey" -}}
{{- include "ruralwatch.componentFullname" (dict "root" .root "name" (include "ruralwatch.componentNameOfKey" .)) -}}
{{- end -}}

{{/* The name of the component whose values key is given: (dict "root" $ "key" "household") */}}
{{- define "ruralwatch.componentNameOfKey" -}}
{{- range (include "ruralwatch.components" $.root | fromYamlArray) -}}
{{- if eq .key $.key -}}
{{- .name -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "ruralwatch.labels" -}}
helm.sh/chart: {{ include "ruralwatch.chart" . }}
app.kubernetes.io/part-of: ruralwatch
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
{{- end -}}

{{/* Labels of a component's objects: (dict "root" $ "component" $component) */}}
{{- define "ruralwatch.componentLabels" -}}
{{ include "ruralwatch.labels" .root }}
{{ include "ruralwatch.selectorLabels" . }}
{{- end -}}

{{/* Labels that select a component's pods: (dict "root" $ "component" $component) */}}
{{- define "ruralwatch.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ruralwatch.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component.name }}
{{- end -}}

{{- define "ruralwatch.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "ruralwatch.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* A component's image: (dict "root" $ "component" $component) */}}
{{- define "ruralwatch.image" -}}
{{- $image := .root.Values.image -}}
{{- $tag := default .root.Chart.AppVersion $image.tag -}}
{{- printf "%s/%s/%s:%s" (trimSuffix "/" $image.registry) $image.repository .component.name $tag -}}
{{- end -}}

{{/* The Secret holding a data service's database credentials: (dict "root" $ "component" $component) */}}
{{- define "ruralwatch.databaseSecretName" -}}
{{- $values := index .root.Values .component.key -}}
{{- if $values.database.existingSecret -}}
{{- $values.database.existingSecret -}}
{{- else -}}
{{- printf "%s-database" (include "ruralwatch.componentFullname" (dict "root" .root "name" .component.name)) -}}
{{- end -}}
{{- end -}}

{{/* The Secret holding household-service's personal-data key ring */}}
{{- define "ruralwatch.personalDataSecretName" -}}
{{- if .Values.household.personalData.existingSecret -}}
{{- .Values.household.personalData.existingSecret -}}
{{- else -}}
{{- printf "%s-personal-data" (include "ruralwatch.componentFullname" (dict "root" . "name" "household-service")) -}}
{{- end -}}
{{- end -}}
