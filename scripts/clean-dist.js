#!/usr/bin/env node
'use strict';
// Before `npm pack` builds dist/ (prepack): removes the old build, so that no compiled file of a source
// that was deleted or renamed since ends up in the package.
const { rmSync } = require('node:fs');
const path = require('node:path');

rmSync(path.join(__dirname, '..', 'dist'), { recursive: true, force: true });
