#!/usr/bin/env node
import { finish, installProcessGuards, main } from '../dist/index.js';

installProcessGuards();
finish(await main(process.argv));
