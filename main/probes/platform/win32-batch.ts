import { isRecord, tryParseJson } from './parsers/common-parsers';

/**
 * Every PowerShell-based fact for one scan, gathered by ONE PowerShell process (each start costs
 * about a second). Rules: JSON out, each part in its own try/catch so one failure loses one part,
 * numeric and registry values rather than translated text, no admin rights, errors reported by
 * exception type and HRESULT only (messages are translated and may contain paths).
 *
 * Read from stdin with `-Command -`, which runs input like typed lines: the whole script is one
 * `& { … }` block, braces open on the same line, and it ends with two newlines (PowerShell #3223, #2068).
 */
export const windowsBatchScript =
  String.raw`& {
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
try { [Console]::OutputEncoding = [Text.Encoding]::UTF8 } catch { }
$out = [ordered]@{ schema = 1 }
$errs = [ordered]@{}
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
function Invoke-Part([string]$Name, [scriptblock]$Block) {
  try { $out[$Name] = & $Block } catch { $errs[$Name] = $_.Exception.GetType().Name + ' 0x' + ('{0:X8}' -f $_.Exception.HResult) }
}
function Get-NetBytes {
  @(Get-NetAdapterStatistics | ForEach-Object { [ordered]@{ name = [string]$_.Name; rx = [double]$_.ReceivedBytes; tx = [double]$_.SentBytes } })
}
Invoke-Part 'netStart' { ,(Get-NetBytes) }
$out['netStartMs'] = $sw.ElapsedMilliseconds
Invoke-Part 'os' { Get-Values 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion' @('CurrentBuildNumber', 'UBR', 'DisplayVersion', 'EditionID', 'ProductName', 'InstallationType') }
Invoke-Part 'network' {
  $routes = @(Get-NetRoute -DestinationPrefix '0.0.0.0/0', '::/0' -ErrorAction SilentlyContinue | ForEach-Object { [ordered]@{ ifIndex = [int]$_.ifIndex; metric = [int]$_.RouteMetric + [int]$_.InterfaceMetric } })
  $idx = @($routes | ForEach-Object { $_.ifIndex })
  $adapters = @(Get-NetAdapter -IncludeHidden | Where-Object { $idx -contains $_.ifIndex -or [string]$_.Status -eq 'Up' } | ForEach-Object { [ordered]@{ ifIndex = [int]$_.ifIndex; name = [string]$_.Name; description = [string]$_.InterfaceDescription; media = [string]$_.PhysicalMediaType; ndis = [int]$_.NdisPhysicalMedium; status = [string]$_.Status; hardware = [bool]$_.HardwareInterface } })
  [ordered]@{ routes = $routes; adapters = $adapters }
}
Invoke-Part 'wifi' {
  $up = @(Get-NetAdapter | Where-Object { [string]$_.Status -eq 'Up' -and ([int]$_.NdisPhysicalMedium -eq 9 -or [string]$_.PhysicalMediaType -match '802\.11') })
  if ($up.Count -gt 0) { (& (Join-Path $sys 'netsh.exe') wlan show interfaces) -join "` +
  '`' +
  String.raw`n" } else { $null }
}
Invoke-Part 'battery' { ,@(Get-CimInstance -ClassName Win32_Battery | ForEach-Object { [ordered]@{ status = [int]$_.BatteryStatus; charge = $_.EstimatedChargeRemaining } }) }
Invoke-Part 'firewallProfiles' { ,@(Get-NetFirewallProfile -PolicyStore ActiveStore | ForEach-Object { [ordered]@{ name = [string]$_.Name; enabled = [string]$_.Enabled } }) }
Invoke-Part 'networkCategories' { ,@(Get-NetConnectionProfile | ForEach-Object { [string]$_.NetworkCategory }) }
Invoke-Part 'firewallRegistry' {
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
Invoke-Part 'firewallProducts' { ,@(Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName FirewallProduct | ForEach-Object { [ordered]@{ name = [string]$_.displayName; state = [int64]$_.productState } }) }
Invoke-Part 'antivirusProducts' { ,@(Get-CimInstance -Namespace 'root/SecurityCenter2' -ClassName AntivirusProduct | ForEach-Object { [ordered]@{ name = [string]$_.displayName; state = [int64]$_.productState } }) }
Invoke-Part 'defender' {
  $s = Get-MpComputerStatus
  [ordered]@{ service = [bool]$s.AMServiceEnabled; antivirus = [bool]$s.AntivirusEnabled; realtime = [bool]$s.RealTimeProtectionEnabled; signatureAgeDays = [int]$s.AntivirusSignatureAge }
}
Invoke-Part 'bitlocker' {
  $d = $env:SystemDrive
  $shell = New-Object -ComObject Shell.Application
  [ordered]@{ drive = $d; value = $shell.NameSpace($d + '\').Self.ExtendedProperty('System.Volume.BitLockerProtection') }
}
Invoke-Part 'screenSaver' {
  $names = @('ScreenSaveActive', 'ScreenSaveTimeOut', 'ScreenSaverIsSecure', 'SCRNSAVE.EXE')
  [ordered]@{ user = Get-Values 'HKCU:\Control Panel\Desktop' $names; policy = Get-Values 'HKCU:\Software\Policies\Microsoft\Windows\Control Panel\Desktop' $names }
}
Invoke-Part 'lockPolicy' {
  [ordered]@{
    autoAdminLogon = (Get-Values 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon' @('AutoAdminLogon')).AutoAdminLogon
    inactivityTimeoutSecs = (Get-Values 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System' @('InactivityTimeoutSecs')).InactivityTimeoutSecs
    disableLockWorkstation = (Get-Values 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Policies\System' @('DisableLockWorkstation')).DisableLockWorkstation
  }
}
Invoke-Part 'powercfg' {
  $pc = Join-Path $sys 'powercfg.exe'
  [ordered]@{
    videoIdle = (& $pc /query SCHEME_CURRENT SUB_VIDEO VIDEOIDLE) -join ' '
    standbyIdle = (& $pc /query SCHEME_CURRENT SUB_SLEEP STANDBYIDLE) -join ' '
    consoleLock = (& $pc /query SCHEME_CURRENT SUB_NONE CONSOLELOCK) -join ' '
  }
}
Invoke-Part 'users' { ,@(Get-LocalUser | ForEach-Object { [ordered]@{ rid = [int64]($_.SID.Value.Split('-')[-1]); enabled = [bool]$_.Enabled } }) }
Invoke-Part 'entraProfiles' { @(Get-ChildItem 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList' | Where-Object { $_.PSChildName -like 'S-1-12-1-*' }).Count }
Invoke-Part 'voice' {
  [ordered]@{
    user = Get-Values 'HKCU:\Software\Microsoft\Speech_OneCore\Settings\VoiceActivation\UserPreferenceForAllApps' @('AgentActivationEnabled', 'AgentActivationOnLockScreenEnabled')
    policy = (Get-Values 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\AppPrivacy' @('LetAppsActivateWithVoice')).LetAppsActivateWithVoice
  }
}
Invoke-Part 'mediaInUse' {
  $found = @()
  foreach ($dev in @('microphone', 'webcam')) {
    $root = "HKCU:\Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore\$dev"
    $keys = @(Get-ChildItem -LiteralPath $root -ErrorAction SilentlyContinue) + @(Get-ChildItem -LiteralPath "$root\NonPackaged" -ErrorAction SilentlyContinue)
    foreach ($key in $keys) {
      if ($key.PSChildName -eq 'NonPackaged') { continue }
      $p = Get-ItemProperty -LiteralPath $key.PSPath -ErrorAction SilentlyContinue
      if ($null -ne $p -and $p.LastUsedTimeStop -eq 0 -and $p.LastUsedTimeStart -gt 0) { $found += [ordered]@{ device = $dev; app = [string]$key.PSChildName } }
    }
  }
  ,$found
}
Invoke-Part 'notifications' {
  [ordered]@{
    toastEnabled = (Get-Values 'HKCU:\Software\Microsoft\Windows\CurrentVersion\PushNotifications' @('ToastEnabled')).ToastEnabled
    globalToasts = (Get-Values 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Notifications\Settings' @('NOC_GLOBAL_SETTING_TOASTS_ENABLED')).NOC_GLOBAL_SETTING_TOASTS_ENABLED
  }
}
Invoke-Part 'audio' {
  $root = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\MMDevices\Audio\Render'
  ,@(Get-ChildItem -LiteralPath $root | ForEach-Object {
    $k = Get-ItemProperty -LiteralPath $_.PSPath
    $p = Get-ItemProperty -LiteralPath (Join-Path $_.PSPath 'Properties') -ErrorAction SilentlyContinue
    [ordered]@{ state = $k.DeviceState; role0 = $k.'Role:0'; role1 = $k.'Role:1'; name = $p.'{a45c254e-df1c-4efd-8020-67d146a850e0},2'; adapter = $p.'{b3f8fa53-0004-438e-9003-51a46e139bfc},6'; formFactor = $p.'{1da5d803-d492-4edd-8c23-e0c0ffee7f0e},0' }
  })
}
Invoke-Part 'remote' { [ordered]@{ denyTs = (Get-Values 'HKLM:\SYSTEM\CurrentControlSet\Control\Terminal Server' @('fDenyTSConnections')).fDenyTSConnections; session = [string]$env:SESSIONNAME } }
if ($sw.ElapsedMilliseconds -lt 700) { Start-Sleep -Milliseconds (700 - $sw.ElapsedMilliseconds) }
Invoke-Part 'netEnd' { ,(Get-NetBytes) }
$out['netEndMs'] = $sw.ElapsedMilliseconds
$out['errors'] = $errs
$out | ConvertTo-Json -Compress -Depth 6
}

`;

/** The sections of the batch's JSON; anything else in stdout (warnings, a BOM) is ignored. */
export interface WindowsBatch {
  readonly sections: Readonly<Record<string, unknown>>;
  /** Part name → exception type and HRESULT. */
  readonly errors: Readonly<Record<string, string>>;
}

export function parseWindowsBatch(stdout: string): WindowsBatch | null {
  const start = stdout.indexOf('{');
  const end = stdout.lastIndexOf('}');
  if (start < 0 || end <= start) return null;
  const parsed = tryParseJson(stdout.slice(start, end + 1));
  if (!isRecord(parsed) || parsed.schema !== 1) return null;
  const errors: Record<string, string> = {};
  if (isRecord(parsed.errors))
    for (const [k, v] of Object.entries(parsed.errors)) if (typeof v === 'string') errors[k] = v;
  return { sections: parsed, errors };
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
