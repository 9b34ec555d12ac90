import { isRecord, stripBom, tryParseJson } from './parsers/common-parsers';

/**
 * The parts of the Windows batch, in the order it runs them. Captures and tests refer to parts by these names.
 * `wifi` holds the raw text of `netsh wlan show interfaces`; `powercfg` holds the raw text of three
 * `powercfg` queries, so outputs pasted from a bug report can be placed into a capture as they are.
 * The parts after `netEnd` do not time the network sample, so the slower ones (Appx, Task Scheduler,
 * Plug and Play) come last: a batch stopped at its limit loses only them.
 */
export const windowsBatchParts = [
  'netStart',
  'os',
  'network',
  'wifi',
  'battery',
  'firewallProfiles',
  'networkCategories',
  'firewallRegistry',
  'firewallProducts',
  'antivirusProducts',
  'defender',
  'bitlocker',
  'screenSaver',
  'lockPolicy',
  'powercfg',
  'users',
  'entraProfiles',
  'voice',
  'mediaInUse',
  'notifications',
  'audio',
  'remote',
  'netEnd',
  'recall',
  'gameCapture',
  'updates',
  'scheduledTasks',
  'fileHistory',
  'keepAwake',
  'headsets',
] as const;

export type WindowsBatchPart = (typeof windowsBatchParts)[number];

/** Tag of every line the batch prints; a line without it (a warning, a banner) is not ours. */
export const windowsBatchLineTag = 'batch/2';

/**
 * Every PowerShell-based fact for one scan, gathered by ONE PowerShell process (each start costs about a
 * second). Each part runs in its own try/catch and prints ONE JSON line as soon as it finishes, flushed at
 * once, so a batch stopped at its time limit still yields the parts that arrived:
 *
 *   {"readyroom":"batch/2","part":"<name>","ms":<elapsed ms>,"value":<any JSON>}
 *   {"readyroom":"batch/2","part":"<name>","ms":<elapsed ms>,"error":"<ExceptionTypeName> 0x<HRESULT>"}
 *
 * Rules: numeric and registry values rather than translated text (raw tool text is kept as a string and
 * read by shape), no admin rights, errors reported by exception type and HRESULT only (messages are
 * translated and may contain paths). `Remove-TypeData System.Array` stops Windows PowerShell 5.1 from
 * writing arrays as `{"value":[…],"Count":n}`; the parsers undo that wrapper anyway.
 *
 * Read from stdin with `-Command -`, which runs input like typed lines: the whole script is one
 * `& { … }` block, braces open on the same line, and it ends with two newlines (PowerShell #3223, #2068).
 */
export const windowsBatchScript =
  String.raw`& {
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
try { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false } catch { }
try { Remove-TypeData -TypeName System.Array -ErrorAction Stop } catch { }
$sw = [Diagnostics.Stopwatch]::StartNew()
$sys = Join-Path $env:SystemRoot 'System32'
function Get-Values([string]$Path, [string[]]$Names) {
  $r = [ordered]@{}
  $item = Get-ItemProperty -LiteralPath $Path -ErrorAction SilentlyContinue
  foreach ($n in $Names) {
    if ($null -ne $item -and $item.PSObject.Properties.Name -contains $n) { $r[$n] = $item.$n } else { $r[$n] = $null }
  }
  $r
}
function Write-Part([string]$Name, [scriptblock]$Block) {
  $line = [ordered]@{ readyroom = 'batch/2'; part = $Name; ms = 0 }
  try {
    $v = & $Block
    $line['ms'] = [int64]$sw.ElapsedMilliseconds
    $line['value'] = $v
    $json = ConvertTo-Json -InputObject $line -Compress -Depth 8
  } catch {
    $line.Remove('value')
    $line['ms'] = [int64]$sw.ElapsedMilliseconds
    $line['error'] = $_.Exception.GetType().Name + ' 0x' + ('{0:X8}' -f $_.Exception.HResult)
    $json = ConvertTo-Json -InputObject $line -Compress
  }
  [Console]::Out.WriteLine($json)
  [Console]::Out.Flush()
}
function Get-NetBytes {
  @(Get-NetAdapterStatistics | ForEach-Object { [ordered]@{ name = [string]$_.Name; rx = [double]$_.ReceivedBytes; tx = [double]$_.SentBytes } })
}
Write-Part 'netStart' { ,(Get-NetBytes) }
Write-Part 'os' { Get-Values 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' @('CurrentBuildNumber', 'UBR', 'DisplayVersion', 'EditionID', 'ProductName', 'InstallationType') }
Write-Part 'network' {
  $routes = @(Get-NetRoute -DestinationPrefix '0.0.0.0/0', '::/0' -ErrorAction SilentlyContinue | ForEach-Object { [ordered]@{ ifIndex = [int]$_.ifIndex; metric = [int]$_.RouteMetric + [int]$_.InterfaceMetric } })
  $idx = @($routes | ForEach-Object { $_.ifIndex })
  $adapters = @(Get-NetAdapter -IncludeHidden | Where-Object { $idx -contains $_.ifIndex -or [string]$_.Status -eq 'Up' } | ForEach-Object { [ordered]@{ ifIndex = [int]$_.ifIndex; name = [string]$_.Name; description = [string]$_.InterfaceDescription; media = [string]$_.PhysicalMediaType; ndis = [int]$_.NdisPhysicalMedium; status = [string]$_.Status; hardware = [bool]$_.HardwareInterface } })
  [ordered]@{ routes = $routes; adapters = $adapters }
}
Write-Part 'wifi' {
  $up = @(Get-NetAdapter | Where-Object { [string]$_.Status -eq 'Up' -and ([int]$_.NdisPhysicalMedium -eq 9 -or [string]$_.PhysicalMediaType -match '802\.11') })
  if ($up.Count -gt 0) { (& (Join-Path $sys 'netsh.exe') wlan show interfaces) -join "` +
  '`' +
  String.raw`n" } else { $null }
}
Write-Part 'battery' { ,@(Get-CimInstance -ClassName Win32_Battery | ForEach-Object { [ordered]@{ status = [int]$_.BatteryStatus; charge = $_.EstimatedChargeRemaining } }) }
Write-Part 'firewallProfiles' { ,@(Get-NetFirewallProfile -PolicyStore ActiveStore | ForEach-Object { [ordered]@{ name = [string]$_.Name; enabled = [string]$_.Enabled } }) }
Write-Part 'networkCategories' { ,@(Get-NetConnectionProfile | ForEach-Object { [string]$_.NetworkCategory }) }
Write-Part 'firewallRegistry' {
  $base = 'HKLM:\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy'
  $pol = 'HKLM:\SOFTWARE\Policies\Microsoft\WindowsFirewall'
  [ordered]@{
    Domain = (Get-Values "$base\DomainProfile" @('EnableFirewall')).EnableFirewall
    Private = (Get-Values "$base\StandardProfile" @('EnableFirewall')).EnableFirewall
    Public = (Get-Values "$base\PublicProfile" @('EnableFirewall')).EnableFirewall
    PolicyDomain = (Get-Values "$pol\DomainProfile" @('EnableFirewall')).EnableFirewall
    PolicyPrivate = (Get-Values "$pol\PrivateProfile" @('EnableFirewall')).EnableFirewall
    PolicyPublic = (Get-Values "$pol\PublicProfile" @('EnableFirewall')).EnableFirewall
  }
}
Write-Part 'firewallProducts' { ,@(Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName FirewallProduct | ForEach-Object { [ordered]@{ name = [string]$_.displayName; state = [int64]$_.productState } }) }
Write-Part 'antivirusProducts' { ,@(Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName AntivirusProduct | ForEach-Object { [ordered]@{ name = [string]$_.displayName; state = [int64]$_.productState } }) }
Write-Part 'defender' {
  $s = Get-MpComputerStatus
  [ordered]@{ runningMode = [string]$s.AMRunningMode; service = [bool]$s.AMServiceEnabled; antivirus = [bool]$s.AntivirusEnabled; realtime = [bool]$s.RealTimeProtectionEnabled; signatureAgeDays = [int]$s.AntivirusSignatureAge }
}
Write-Part 'bitlocker' {
  $d = $env:SystemDrive
  $shell = New-Object -ComObject Shell.Application
  [ordered]@{ drive = $d; value = $shell.NameSpace($d + '\').Self.ExtendedProperty('System.Volume.BitLockerProtection') }
}
Write-Part 'screenSaver' {
  $names = @('ScreenSaveActive', 'ScreenSaveTimeOut', 'ScreenSaverIsSecure', 'SCRNSAVE.EXE')
  [ordered]@{ user = Get-Values 'HKCU:\Control Panel\Desktop' ($names + 'DelayLockInterval'); policy = Get-Values 'HKCU:\Software\Policies\Microsoft\Windows\Control Panel\Desktop' $names }
}
Write-Part 'lockPolicy' {
  [ordered]@{
    autoAdminLogon = (Get-Values 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon' @('AutoAdminLogon')).AutoAdminLogon
    inactivityTimeoutSecs = (Get-Values 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System' @('InactivityTimeoutSecs')).InactivityTimeoutSecs
    disableLockWorkstation = (Get-Values 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Policies\System' @('DisableLockWorkstation')).DisableLockWorkstation
  }
}
Write-Part 'powercfg' {
  $pc = Join-Path $sys 'powercfg.exe'
  $wake = Get-Values 'HKLM:\SOFTWARE\Policies\Microsoft\Power\PowerSettings\0e796bdb-100d-47d6-a2d5-f7d2daa51f51' @('ACSettingIndex', 'DCSettingIndex')
  [ordered]@{
    videoIdle = (& $pc /query SCHEME_CURRENT SUB_VIDEO VIDEOIDLE) -join "` +
  '`' +
  String.raw`n"
    standbyIdle = (& $pc /query SCHEME_CURRENT SUB_SLEEP STANDBYIDLE) -join "` +
  '`' +
  String.raw`n"
    consoleLock = (& $pc /qh SCHEME_CURRENT SUB_NONE CONSOLELOCK) -join "` +
  '`' +
  String.raw`n"
    consoleLockPolicy = [ordered]@{ ac = $wake.ACSettingIndex; dc = $wake.DCSettingIndex }
  }
}
Write-Part 'users' { ,@(Get-LocalUser | ForEach-Object { [ordered]@{ rid = [int64]($_.SID.Value.Split('-')[-1]); enabled = [bool]$_.Enabled } }) }
Write-Part 'entraProfiles' { @(Get-ChildItem 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList' | Where-Object { $_.PSChildName -like 'S-1-12-1-*' }).Count }
Write-Part 'voice' {
  [ordered]@{
    user = Get-Values 'HKCU:\Software\Microsoft\Speech_OneCore\Settings\VoiceActivation\UserPreferenceForAllApps' @('AgentActivationEnabled', 'AgentActivationOnLockScreenEnabled')
    policy = (Get-Values 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\AppPrivacy' @('LetAppsActivateWithVoice')).LetAppsActivateWithVoice
  }
}
Write-Part 'mediaInUse' {
  $found = @()
  foreach ($dev in @('microphone', 'webcam')) {
    $root = "HKCU:\Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore\$dev"
    $keys = @(Get-ChildItem -LiteralPath $root -ErrorAction SilentlyContinue) + @(Get-ChildItem -LiteralPath "$root\NonPackaged" -ErrorAction SilentlyContinue)
    foreach ($key in $keys) {
      if ($key.PSChildName -eq 'NonPackaged') { continue }
      $p = Get-ItemProperty -LiteralPath $key.PSPath -ErrorAction SilentlyContinue
      if ($null -ne $p -and $p.LastUsedTimeStart -gt 0) { $found += [ordered]@{ device = $dev; app = [string]$key.PSChildName; start = $p.LastUsedTimeStart; stop = $p.LastUsedTimeStop } }
    }
  }
  ,$found
}
Write-Part 'notifications' {
  [ordered]@{ toastEnabled = (Get-Values 'HKCU:\Software\Microsoft\Windows\CurrentVersion\PushNotifications' @('ToastEnabled')).ToastEnabled }
}
Write-Part 'audio' {
  $root = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\MMDevices\Audio\Render'
  ,@(Get-ChildItem -LiteralPath $root | ForEach-Object {
    $k = Get-ItemProperty -LiteralPath $_.PSPath
    $p = Get-ItemProperty -LiteralPath (Join-Path $_.PSPath 'Properties') -ErrorAction SilentlyContinue
    [ordered]@{ state = $k.DeviceState; role0 = $k.'Role:0'; role1 = $k.'Role:1'; name = $p.'{a45c254e-df1c-4efd-8020-67d146a850e0},2'; adapter = $p.'{b3f8fa53-0004-438e-9003-51a46e139bfc},6'; formFactor = $p.'{1da5d803-d492-4edd-8c23-e0c0ffee7f0e},0' }
  })
}
Write-Part 'remote' { [ordered]@{ denyTs = (Get-Values 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server' @('fDenyTSConnections')).fDenyTSConnections; session = [string]$env:SESSIONNAME } }
if ($sw.ElapsedMilliseconds -lt 700) { Start-Sleep -Milliseconds (700 - $sw.ElapsedMilliseconds) }
Write-Part 'netEnd' { ,(Get-NetBytes) }
Write-Part 'recall' {
  [ordered]@{
    policyMachine = Get-Values 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\WindowsAI' @('DisableAIDataAnalysis', 'AllowRecallEnablement')
    policyUser = Get-Values 'HKCU:\Software\Policies\Microsoft\Windows\WindowsAI' @('DisableAIDataAnalysis')
    installed = $(try { [bool](Get-AppxPackage -Name 'MicrosoftWindows.Client.AIX' -ErrorAction Stop) } catch { $null })
    snapshotStore = [bool](Test-Path -LiteralPath (Join-Path $env:LOCALAPPDATA 'CoreAIPlatform.00\UKP'))
  }
}
Write-Part 'gameCapture' {
  [ordered]@{
    user = Get-Values 'HKCU:\SOFTWARE\Microsoft\Windows\CurrentVersion\GameDVR' @('AppCaptureEnabled', 'HistoricalCaptureEnabled')
    store = Get-Values 'HKCU:\System\GameConfigStore' @('GameDVR_Enabled')
    policy = (Get-Values 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\GameDVR' @('AllowGameDVR')).AllowGameDVR
    recorderRunning = [bool](Get-Process -Name 'bcastdvr' -ErrorAction SilentlyContinue)
  }
}
Write-Part 'updates' {
  $wu = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion'
  [ordered]@{
    rebootRequired = [bool](Test-Path -LiteralPath "$wu\WindowsUpdate\Auto Update\RebootRequired")
    rebootPending = [bool](Test-Path -LiteralPath "$wu\Component Based Servicing\RebootPending")
    orchestrator = [bool](Test-Path -LiteralPath "$wu\WindowsUpdate\Orchestrator\RebootRequired")
    state = Get-Values 'HKLM:\SOFTWARE\Microsoft\WindowsUpdate\UX\StateVariables' @('ScheduledRebootTime')
    settings = Get-Values 'HKLM:\SOFTWARE\Microsoft\WindowsUpdate\UX\Settings' @('ActiveHoursStart', 'ActiveHoursEnd', 'PauseUpdatesExpiryTime')
    policy = Get-Values 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate' @('SetActiveHours', 'ActiveHoursStart', 'ActiveHoursEnd')
  }
}
Write-Part 'scheduledTasks' {
  ,@(foreach ($t in @(,@('\Microsoft\Windows\Windows Defender\', 'Windows Defender Scheduled Scan'))) {
    try {
      $task = Get-ScheduledTask -TaskPath $t[0] -TaskName $t[1] -ErrorAction Stop
      $info = $task | Get-ScheduledTaskInfo -ErrorAction Stop
      $next = 'none'
      if ($null -ne $info.NextRunTime -and $info.NextRunTime.Year -gt 2000) { $next = $info.NextRunTime.ToUniversalTime().ToString('o') }
      [ordered]@{ name = $t[1]; next = $next; state = [string]$task.State }
    } catch {
      [ordered]@{ name = $t[1]; next = 'none'; state = 'unreadable' }
    }
  })
}
Write-Part 'fileHistory' {
  [ordered]@{ configured = $null -ne (Get-Values 'HKCU:\Software\Microsoft\Windows\CurrentVersion\FileHistory' @('ProtectedUpToTime')).ProtectedUpToTime; service = [string](Get-Service -Name 'fhsvc' -ErrorAction Stop).Status }
}
Write-Part 'keepAwake' {
  [ordered]@{ presentationSettings = [bool](Test-Path -LiteralPath (Join-Path $sys 'PresentationSettings.exe')); powerToysAwake = [bool](Get-Process -Name 'PowerToys.Awake' -ErrorAction SilentlyContinue) }
}
Write-Part 'headsets' {
  $battery = '{104EA319-6EE2-4701-BD47-8DDBF425BBE5} 2'
  $connected = '{83DA6326-97A6-4088-9453-A1923F573B29} 15'
  ,@(Get-PnpDevice -Class Bluetooth -PresentOnly -ErrorAction SilentlyContinue | Where-Object { $_.InstanceId -like 'BTHENUM\{0000111E*' -or $_.InstanceId -like 'BTHENUM\{0000110B*' } | ForEach-Object {
    $props = @(Get-PnpDeviceProperty -InstanceId $_.InstanceId -KeyName $battery, $connected -ErrorAction SilentlyContinue)
    [ordered]@{ name = [string]$_.FriendlyName; battery = ($props | Where-Object { $_.KeyName -eq $battery }).Data; connected = ($props | Where-Object { $_.KeyName -eq $connected }).Data }
  })
}
}

`;

/** One part as it arrived: its value, or the exception that stopped it. */
export type WindowsBatchEntry =
  | { readonly ok: true; readonly value: unknown; readonly ms: number }
  | { readonly ok: false; readonly error: string; readonly ms: number };

/** The parts that arrived; a part missing here never arrived (the batch was stopped first). */
export interface WindowsBatch {
  readonly parts: ReadonlyMap<string, WindowsBatchEntry>;
}

/**
 * Reads the batch's output line by line. BOMs, blank lines, warnings and anything not shaped like a batch
 * line are ignored, so a partial output (the batch killed at its time limit) still gives what arrived.
 */
export function parseWindowsBatch(stdout: string): WindowsBatch {
  const parts = new Map<string, WindowsBatchEntry>();
  for (const raw of stdout.split(/\r?\n/)) {
    const line = stripBom(raw.trim().replace(/^\ufeff+/, ''));
    if (!line.startsWith('{')) continue;
    const parsed = tryParseJson(line);
    if (!isRecord(parsed) || parsed.readyroom !== windowsBatchLineTag) continue;
    const { part, ms } = parsed;
    if (typeof part !== 'string' || part === '' || typeof ms !== 'number' || !Number.isSafeInteger(ms) || ms < 0) {
      continue;
    }
    const hasValue = Object.prototype.hasOwnProperty.call(parsed, 'value');
    if (typeof parsed.error === 'string' && !hasValue) parts.set(part, { ok: false, error: parsed.error, ms });
    else if (hasValue && parsed.error === undefined) parts.set(part, { ok: true, value: parsed.value, ms });
  }
  return { parts };
}

/** Full path of Windows PowerShell 5.1; `Sysnative` reaches the 64-bit one from a 32-bit process. */
export function powershellPath(env: Readonly<Record<string, string | undefined>>): string {
  const root = env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows';
  const dir = env.PROCESSOR_ARCHITEW6432 ? 'Sysnative' : 'System32';
  return `${root}\\${dir}\\WindowsPowerShell\\v1.0\\powershell.exe`;
}

export const powershellArgs = [
  '-NoProfile',
  '-NonInteractive',
  '-NoLogo',
  '-ExecutionPolicy',
  'Bypass',
  '-Command',
  '-',
] as const;
