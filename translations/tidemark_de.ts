<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>tidemark::ui::AboutDialog</name>
    <message>
        <source>About Tidemark</source>
        <translation>Über Tidemark</translation>
    </message>
    <message>
        <source>Plan, run and review SQL schema migrations, compatible with Jetbase.</source>
        <translation>SQL-Schemamigrationen planen, ausführen und prüfen, kompatibel mit Jetbase.</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2.</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Report a problem</source>
        <translation>Problem melden</translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ChangeList</name>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible renames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data loss: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Data loss: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked: rename instead of dropping and adding (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ConfirmDialog</name>
    <message>
        <source>Will run, in this order:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Will be lost or overwritten:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exact SQL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This connection is marked production. Type the database name “%1” to go ahead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n statement(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Apply %n migration(s) to %1?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: runs again; what its last run did is replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: applied, but the file changed since (checksum differs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Roll back %n migration(s) on %1? Their rollback sections run and whatever those drop is lost.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1: undone (its tables, columns and data as its rollback drops)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tidemark::ui::EditorLink</name>
    <message>
        <source>Unsaved Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tidemark::ui::FindReplaceDialog</name>
    <message>
        <source>Replace &amp;with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole &amp;words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular e&amp;xpression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find and Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n replacement(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::JournalDialog</name>
    <message>
        <source>Batch %1, tool %2, checksum %3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failing statement (line %1):
%2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished">Datei</translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished">Version</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by file, version, outcome, user…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tidemark::ui::MainWindow</name>
    <message>
        <source>Tidemark</source>
        <translation>Tidemark</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Tidemark</source>
        <translation>Ü&amp;ber Tidemark</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Migration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upgrade All Pending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade &amp;to Selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll Back &amp;Last…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll Back Last &amp;Batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll Back to &amp;Selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back everything applied after the selected version; it stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dry Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix &amp;Checksums…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix &amp;Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;nlock…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Migrate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy: wait for the current operation to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Project (the jetbase folder or the folder holding it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 — Tidemark</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) block an upgrade; see Validate.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Open a project with Project › Open Project… (Ctrl+O) or a recent one, or start tidemark with the project&apos;s folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is in progress. Stop it (the current file is rolled back) and quit?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tidemark::ui::MigrationEditor</name>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the migration file (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save an applied migration?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has already been applied. If you save it, its checksum will change and validate will report it.

Save anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No migration selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (modified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied: saving changes its checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tidemark::ui::MigrationListWidget</name>
    <message>
        <source>Filter by version, description or file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tidemark::ui::MigrationTableModel</name>
    <message>
        <source>versioned</source>
        <translation type="unfinished">versioniert</translation>
    </message>
    <message>
        <source>runs always</source>
        <translation type="unfinished">läuft immer</translation>
    </message>
    <message>
        <source>runs on change</source>
        <translation type="unfinished">läuft bei Änderung</translation>
    </message>
    <message>
        <source>&lt; 1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied</source>
        <translation type="unfinished">angewendet</translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished">ausstehend</translation>
    </message>
    <message>
        <source>changed since applied</source>
        <translation type="unfinished">seit der Anwendung geändert</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation type="unfinished">Datei fehlt</translation>
    </message>
    <message>
        <source>out of order</source>
        <translation type="unfinished">außer der Reihe</translation>
    </message>
    <message>
        <source>failed in the last run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished">Version</translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished">Beschreibung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished">Art</translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished">Zustand</translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation type="unfinished">Angewendet am</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tidemark::ui::NewMigrationDialog</name>
    <message>
        <source>New Migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. create users table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tidemark::ui::Operations</name>
    <message>
        <source>Busy: wait for the current operation to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release the migration lock of %1? Do this only when no run holds it (a run that died left it behind): two runs at once can corrupt the schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop requested: stopping after the current statement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-- Nothing to run: no pending migrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry Run: the SQL an upgrade would run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migrations are up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to roll back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled by the user before anything ran.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Upgrading %n file(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rolling back %n file(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Upgrade finished: %n file(s) applied.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rollback finished: %n file(s) rolled back.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped: %1 was rolled back; %n earlier file(s) stay done.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Failed in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrade failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidemark</source>
        <translation type="unfinished">Tidemark</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No problems: applied files match the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix Checksums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every applied file matches its stored checksum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No applied file is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store today&apos;s checksums for these applied files? The record of what originally ran is lost; the SQL itself does not run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the tracking rows of these applied files whose files are gone? Their changes stay in the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked (process %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ReviewDialog</name>
    <message>
        <source>&amp;Save as Migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review Generated Migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upgrade SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rollback SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema &amp;Before and After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing the schemas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating the SQL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot generate the migration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desired schema: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database already matches the desired schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change is unticked: nothing to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 changes ticked; the file will be %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the migration: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tidemark::ui::RunPanel</name>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop between statements; the current file is rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement %1 of %2 (line %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished %1 in %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed %1 after %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped %1 after %2 ms; its changes were rolled back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tidemark::ui::SchemaDiffView</name>
    <message>
        <source>Schema now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema after the ticked changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) differ: red removed, green added, orange changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tidemark::ui::ServiceWorker</name>
    <message>
        <source>Still in effect (line %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (stored %2, file %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tidemark::ui::StatusBarWidget</name>
    <message>
        <source>Current version: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished">keine</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Lock: unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by %1@%2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
