; Inno Setup 6 source of the Windows installer: cashdesk-<version>-setup.exe from the bundle dist\cashdesk\.
; Built on a Windows machine (it cannot be built on Linux), from the repository's folder:
;     python dev.py package
;     iscc /DAppVersion=0.1.0 packaging\windows\cashdesk.iss
; Signed (the installer and the program inside it) when a code-signing certificate is set up in
; Inno Setup as the sign tool "citysign" (packaging/README.md, "Signing on Windows"):
;     iscc /DAppVersion=0.1.0 /DSign "/Scitysign=signtool.exe sign /fd sha256 /tr http://timestamp.example /td sha256 /a $f" packaging\windows\cashdesk.iss
; (the timestamp server is the one the city's certificate authority names).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define Root ".."
#define Dist "..\..\dist\cashdesk"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{6E0C4B1E-5A7D-4C39-9B3C-2F1D0C8A4D21}
AppName=cashdesk
AppVersion={#AppVersion}
AppPublisher=cashdesk project
AppComments=Offline cashiering for a city finance department's window
DefaultDirName={autopf}\cashdesk
DefaultGroupName=cashdesk
DisableProgramGroupPage=yes
; Installed for every user of the workstation; each user's database and settings stay in their own profile.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=cashdesk-{#AppVersion}-setup
SetupIconFile={#Root}\..\resources\icons\cashdesk.ico
UninstallDisplayIcon={app}\cashdesk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade replaces the program folder whole; the users' data is never in it.
CloseApplications=yes
#ifdef Sign
SignTool=citysign
SignedUninstaller=yes
#endif

[Files]
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; The bundle of an earlier version: its libraries are replaced whole, none left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\cashdesk"; Filename: "{app}\cashdesk.exe"; IconFilename: "{app}\_internal\cashdesk\resources\icons\cashdesk.ico"
Name: "{group}\cashdesk self-test"; Filename: "{app}\cashdesk.exe"; Parameters: "--self-test"
Name: "{autodesktop}\cashdesk"; Filename: "{app}\cashdesk.exe"; IconFilename: "{app}\_internal\cashdesk\resources\icons\cashdesk.ico"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "A cashdesk icon on the desktop"; Flags: unchecked

[Run]
; The self-test after every install or upgrade: a console window shows each step; it passes or names what failed.
Filename: "{app}\cashdesk.exe"; Parameters: "--self-test"; StatusMsg: "Checking the installation (cashdesk --self-test)..."; Flags: waituntilterminated

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal"
