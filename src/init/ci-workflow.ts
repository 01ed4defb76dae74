import { vendoredTarballPath } from './vendor-package';

/**
 * The ready GitHub Actions workflow: validate, check links, build, gap report against the baseline,
 * SARIF for code scanning, the job summary, and out/ kept as an artifact; weekly and on pull requests.
 * One text serves two set-ups: this repository (the example pack, the tool built from source) and a pack
 * made by `impact-pack init` (the tool installed from the package tarball init puts into the pack's vendor/
 * folder: the exact version that made the pack, from a file the pack's owner holds, with no registry name). The repository's copy in
 * .github/workflows/impact-pack.yml is this function's output, and a test keeps the two identical.
 * docs/ci.md explains every step.
 */
export interface CiWorkflowSetup {
  /** The pack folder, relative to the repository root. */
  pack: string;
  /** The baseline file, relative to the repository root. */
  baseline: string;
  /** Shell command that installs impact-pack on the runner. */
  install: string;
  /** The impact-pack package tarball committed with the pack, relative to the repository root, when it installs from one. */
  tarball?: string;
  /** How to call impact-pack once installed. */
  command: string;
}

export const WORKFLOW_PATH = '.github/workflows/impact-pack.yml';

/**
 * The Node.js release line the workflow runs on: a maintained LTS (Node 20 reached its end of life in
 * April 2026). actions/setup-node takes the newest release of this line.
 */
export const WORKFLOW_NODE = '24';

/** The set-up of this repository: the example pack in evidence/, impact-pack built from source. */
export const REPOSITORY_SETUP: CiWorkflowSetup = {
  pack: 'evidence',
  baseline: 'evidence/gap-baseline.json',
  install: 'npm ci --no-audit --no-fund && npm run build:ts',
  command: 'node bin/impact-pack.js',
};

/**
 * The set-up of a pack made by `impact-pack init`: the pack at the repository root, impact-pack installed
 * from the tarball of this version that init put into the pack (vendoredTarballPath).
 */
export function packSetup(version: string): CiWorkflowSetup {
  return {
    pack: '.',
    baseline: 'gap-baseline.json',
    tarball: vendoredTarballPath(version),
    install: 'npm install --global --no-audit --no-fund "./$IMPACT_PACK_TARBALL"',
    command: 'impact-pack',
  };
}

export function ciWorkflowText(setup: CiWorkflowSetup): string {
  return `# Re-validates the evidence pack every week and on every pull request: validate, check the public links,
# build the documents, and compare the gap report with the baseline (the ratchet). Findings appear as
# annotations on the evidence files (code scanning and workflow annotations), the gap report as the job
# summary, and everything the run produced is kept as the "evidence-pack" artifact.
# Written by impact-pack; docs/ci.md explains each step. Adapt the env block to your repository.
name: Evidence pack

on:
  pull_request:
  push:
    branches: [main]
  schedule:
    # Mondays at 06:17 UTC: catches links that broke and evidence that went stale with no commit at all.
    - cron: "17 6 * * 1"
  workflow_dispatch:

permissions:
  contents: read
  # Uploading SARIF to code scanning.
  security-events: write

concurrency:
  group: evidence-pack-\${{ github.ref }}
  cancel-in-progress: true

env:
  PACK: ${yamlScalar(setup.pack)}
  BASELINE: ${yamlScalar(setup.baseline)}
  OUT: out
  IMPACT_PACK: ${yamlScalar(setup.command)}
${tarballEnv(setup)}  NO_COLOR: "1"

jobs:
  evidence:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: "${WORKFLOW_NODE}"
      - name: Install impact-pack
        run: ${setup.install}
      # Every later step runs even when an earlier one failed, so that one run reports everything;
      # the job still fails if any step failed.
      - name: Validate the evidence
        id: validate
        run: $IMPACT_PACK validate "$PACK"
      - name: Check public links
        id: links
        if: \${{ !cancelled() }}
        run: $IMPACT_PACK links "$PACK"
      - name: Build the documents
        id: build
        if: \${{ !cancelled() }}
        run: $IMPACT_PACK build "$PACK" --out "$OUT"
      - name: Gap report against the baseline
        id: gaps
        if: \${{ !cancelled() }}
        run: |
          mkdir -p "$OUT"
          baseline=()
          if [ -f "$BASELINE" ]; then
            baseline=(--baseline "$BASELINE")
          else
            echo "::notice::No baseline at $BASELINE yet. Record one: impact-pack gaps $PACK --baseline $BASELINE --update-baseline"
          fi
          $IMPACT_PACK gaps "$PACK" "\${baseline[@]}" --format sarif > "$OUT/gap-report.sarif" || true
          $IMPACT_PACK gaps "$PACK" "\${baseline[@]}" --format github || true
          status=0
          $IMPACT_PACK gaps "$PACK" "\${baseline[@]}" --format md > "$OUT/gap-summary.md" || status=$?
          cat "$OUT/gap-summary.md" >> "$GITHUB_STEP_SUMMARY"
          exit "$status"
      - name: Propose an updated baseline
        id: baseline
        if: \${{ !cancelled() }}
        run: |
          # Written into the artifact only: commit it to $BASELINE when the pack improved.
          if [ -f "$BASELINE" ]; then cp "$BASELINE" "$OUT/gap-baseline.json"; fi
          $IMPACT_PACK gaps "$PACK" --baseline "$OUT/gap-baseline.json" --update-baseline --format json > /dev/null || true
      - name: Upload findings to code scanning
        if: \${{ !cancelled() && hashFiles(format('{0}/gap-report.sarif', env.OUT)) != '' }}
        # Needs code scanning (public repositories, or GitHub Advanced Security); the annotations above work without it.
        continue-on-error: true
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: \${{ env.OUT }}/gap-report.sarif
          category: impact-pack
      - name: Keep the output
        if: \${{ !cancelled() }}
        uses: actions/upload-artifact@v4
        with:
          name: evidence-pack
          path: \${{ env.OUT }}
          include-hidden-files: false
          retention-days: 30
`;
}

/** The env line naming the vendored tarball, with how to upgrade; nothing when the set-up builds from source. */
function tarballEnv(setup: CiWorkflowSetup): string {
  if (!setup.tarball) return '';
  return `  # The exact impact-pack this pack was made with, committed with the pack (init put it there). To upgrade,
  # replace the file with the new version's tarball (npm pack) and change this one line.
  IMPACT_PACK_TARBALL: ${yamlScalar(setup.tarball)}
`;
}

/** A YAML plain scalar when that is safe, else a double-quoted one. */
function yamlScalar(value: string): string {
  return /^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$/.test(value) && !/^(true|false|null|yes|no|on|off)$/i.test(value) && value !== '.' ? value : JSON.stringify(value);
}
