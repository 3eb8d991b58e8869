// ChefsRekrytering on Azure Container Apps, with PostgreSQL Flexible Server, a Storage account for documents and a
// Key Vault for secrets and the certificate that protects the shared data protection keys.
//   az group create -n chefsrekrytering -l swedencentral
//   az deployment group create -g chefsrekrytering -f infra/azure/main.bicep -p image=<registry>/chefsrekrytering:<tag> \
//       publicUrl=https://rekrytering.kommun.se postgresAdminPassword=<secret> smtpHost=<host> smtpUser=<user> smtpPassword=<secret> \
//       dataProtectionCertificateSecretUri=<Key Vault secret id of a PFX>
// Several replicas share one database: the outbox and scheduler claim rows with FOR UPDATE SKIP LOCKED, and the data
// protection keys (cookies, antiforgery) live in the database, so any replica can read any other's cookies.

@description('Azure region; Sweden Central keeps personal data in Sweden.')
param location string = resourceGroup().location
@description('Container image, e.g. myregistry.azurecr.io/chefsrekrytering:1.0.0')
param image string
@description('The portal address people use; links in mail point here.')
param publicUrl string
@description('Municipalities this deployment serves (policy ids), comma separated; empty: all in content/policies.')
param kommuner string = ''
param minReplicas int = 2
param maxReplicas int = 6
param postgresAdminUser string = 'chefsadmin'
@secure()
param postgresAdminPassword string
param smtpHost string
param smtpPort int = 587
param smtpUser string
@secure()
param smtpPassword string
param mailFrom string = 'no-reply@kommun.se'
@description('Key Vault secret id of a PFX certificate (with private key) that encrypts the data protection keys at rest. Required: the portal refuses to start in Production with the keys unencrypted, since whoever reads the database could otherwise forge any cookie.')
param dataProtectionCertificateSecretUri string
@description('Address space of the virtual network the Container Apps environment runs in; its infrastructure subnet is where the ingress proxy connects from, the only source whose X-Forwarded-For the portal believes.')
param infrastructureSubnet string = '10.40.0.0/23'

var name = 'chefsrekrytering'
var suffix = uniqueString(resourceGroup().id)

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs-${suffix}'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource network 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: '${name}-vnet'
  location: location
  properties: {
    addressSpace: { addressPrefixes: [ infrastructureSubnet ] }
    subnets: [ { name: 'containerapps', properties: { addressPrefix: infrastructureSubnet } } ]
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    vnetConfiguration: { infrastructureSubnetId: network.properties.subnets[0].id, internal: false }
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: { customerId: logs.properties.customerId, sharedKey: logs.listKeys().primarySharedKey }
    }
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: '${name}-pg-${suffix}'
  location: location
  sku: { name: 'Standard_B2s', tier: 'Burstable' }
  properties: {
    version: '16'
    administratorLogin: postgresAdminUser
    administratorLoginPassword: postgresAdminPassword
    storage: { storageSizeGB: 32 }
    backup: { backupRetentionDays: 35, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
  resource database 'databases' = { name: 'chefsrekrytering' }
  resource azureServices 'firewallRules' = {
    name: 'azure-services'
    properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take('chefs${suffix}', 24)
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // the app signs in with its managed identity
    supportsHttpsTrafficOnly: true
  }
  resource blobs 'blobServices' = {
    name: 'default'
    properties: { deleteRetentionPolicy: { enabled: true, days: 7 } }
    resource documents 'containers' = { name: 'dokument' }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: take('${name}-kv-${suffix}', 24)
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
  }
  resource postgresSecret 'secrets' = {
    name: 'postgres-connection'
    properties: { value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=chefsrekrytering;Username=${postgresAdminUser};Password=${postgresAdminPassword};SSL Mode=Require' }
  }
  resource smtpSecret 'secrets' = {
    name: 'smtp-password'
    properties: { value: smtpPassword }
  }
}

// A for-expression may not stand inside a function call (BCP138), so the municipalities' settings are a variable.
var kommunEnv = [for (k, i) in filter(split(kommuner, ','), k => !empty(trim(k))): { name: 'Portal__Kommuner__${i}', value: trim(k) }]

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      ingress: { external: true, targetPort: 8080, transport: 'auto', allowInsecure: false }
      secrets: [
        { name: 'postgres-connection', keyVaultUrl: vault::postgresSecret.properties.secretUri, identity: 'system' }
        { name: 'smtp-password', keyVaultUrl: vault::smtpSecret.properties.secretUri, identity: 'system' }
        { name: 'dataprotection-cert', keyVaultUrl: dataProtectionCertificateSecretUri, identity: 'system' }
      ]
    }
    template: {
      scale: { minReplicas: minReplicas, maxReplicas: maxReplicas }
      volumes: [
        { name: 'certs', storageType: 'Secret', secrets: [ { secretRef: 'dataprotection-cert', path: 'dataprotection.pfx' } ] }
      ]
      containers: [
        {
          name: name
          image: image
          resources: { cpu: json('1.0'), memory: '2Gi' }
          volumeMounts: [ { volumeName: 'certs', mountPath: '/certs' } ]
          env: concat([
            { name: 'ConnectionStrings__Portal', secretRef: 'postgres-connection' }
            { name: 'Portal__PublicUrl', value: publicUrl }
            { name: 'Storage__Documents__Provider', value: 'AzureBlob' }
            { name: 'Storage__Documents__AccountUrl', value: storage.properties.primaryEndpoints.blob }
            { name: 'Mail__Delivery', value: 'Smtp' }
            { name: 'Mail__FromAddress', value: mailFrom }
            { name: 'Mail__Smtp__Host', value: smtpHost }
            { name: 'Mail__Smtp__Port', value: string(smtpPort) }
            { name: 'Mail__Smtp__Security', value: 'StartTls' }
            { name: 'Mail__Smtp__Username', value: smtpUser }
            { name: 'Mail__Smtp__Password', secretRef: 'smtp-password' }
            { name: 'DataProtection__CertificatePath', value: '/certs/dataprotection.pfx' }
            // X-Forwarded-For is believed only from the ingress, inside the environment's subnet.
            { name: 'Security__ProxyNetworks__0', value: infrastructureSubnet }
          ], kommunEnv)
          // Startup: migrations run before the port opens, so allow up to ~2.5 min before liveness takes over.
          // Liveness asks only whether the process answers: a database or mail server outage must not restart replicas.
          // Readiness asks the database and the document store (503 takes the replica out of traffic); the mail server
          // and the outbox backlog only degrade it (still 200, named in the body), since the outbox keeps the mail.
          probes: [
            { type: 'Startup', httpGet: { path: '/health/live', port: 8080 }, initialDelaySeconds: 5, periodSeconds: 15, timeoutSeconds: 5, failureThreshold: 10 }
            { type: 'Liveness', httpGet: { path: '/health/live', port: 8080 }, periodSeconds: 30, timeoutSeconds: 5, failureThreshold: 3 }
            { type: 'Readiness', httpGet: { path: '/health/ready', port: 8080 }, periodSeconds: 10, timeoutSeconds: 8, failureThreshold: 3 }
          ]
        }
      ]
    }
  }
}

// The app's identity may read and write document blobs and read the vault's secrets; nothing else.
resource blobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, app.id, 'blob')
  scope: storage
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe') // Storage Blob Data Contributor
  }
}

resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, app.id, 'secrets')
  scope: vault
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6') // Key Vault Secrets User
  }
}

output url string = 'https://${app.properties.configuration.ingress.fqdn}'
