import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4006:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(8016);
const utils = __nccwpck_require__(4059);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 8265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(4059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 8016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(1781);
const parse = __nccwpck_require__(8265);
const utils = __nccwpck_require__(4059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 1781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(4059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 8520:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ validate_manifests_run)
});

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/errors.ts
/**
 * The one error type for mistakes a user can fix: bad input, bad files, missing permissions.
 * Entries print `message` (and `hint`) without a stack; anything else is a bug and keeps its stack.
 */
class errors_UserError extends Error {
    location;
    hint;
    constructor(message, options = {}) {
        const { hint, cause, ...location } = options;
        super(message, cause === undefined ? undefined : { cause });
        this.name = "UserError";
        this.location = location;
        this.hint = hint;
    }
    /** `file:line:column: message` then the hint on its own line, the shape editors and CI logs link. */
    format() {
        const { file, line, column } = this.location;
        let where = "";
        if (file)
            where = `${file}${line ? `:${line}${column ? `:${column}` : ""}` : ""}: `;
        return `${where}${this.message}${this.hint ? `\n  ${this.hint}` : ""}`;
    }
}
function errors_isUserError(error) {
    return error instanceof errors_UserError;
}

;// CONCATENATED MODULE: ./src/version.ts
/** Kept equal to package.json's version by a test, so bundles need not read package.json at run time. */
const VERSION = "0.1.0";

;// CONCATENATED MODULE: ./src/report/index.ts

const reportFormats = (/* unused pure expression or super */ null && (["text", "json", "sarif", "junit", "github"]));
/** GitHub shows at most this many error and this many warning annotations per step; the rest only in the summary. */
const annotationCap = 10;
function formatReport(report, format) {
    switch (format) {
        case "json":
            return `${JSON.stringify(toJson(report), null, 2)}\n`;
        case "sarif":
            return `${JSON.stringify(toSarif(report), null, 2)}\n`;
        case "junit":
            return toJunit(report);
        case "github":
            return report.findings.map((f) => `${workflowCommand(f)}\n`).join("") + `${summaryLine(report)}\n`;
        default:
            return toText(report);
    }
}
function summaryLine(report) {
    const { files, resources, errors, warnings } = report.summary;
    return `${files} file${files === 1 ? "" : "s"}, ${resources} resource${resources === 1 ? "" : "s"}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
}
function resourceName(f) {
    if (!f.resource)
        return "";
    return `${f.resource.kind}/${f.resource.namespace ? `${f.resource.namespace}/` : ""}${f.resource.name}`;
}
/**
 * Control characters but tab and newline shown as `\xNN`: repository text must not move a terminal's cursor, colour
 * or rewrite earlier lines of a log.
 */
const printable = (s) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
function toText(report) {
    const lines = report.findings.map((f) => {
        const what = resourceName(f);
        return printable(`${f.file}:${f.line}:${f.column}: ${f.severity} [${f.rule}] ${what ? `${what}: ` : ""}${f.message}`);
    });
    lines.push(summaryLine(report));
    return `${lines.join("\n")}\n`;
}
/** The shape other checks parse: keys and order fixed by the CLI contract. */
function toJson(report) {
    return {
        findings: report.findings.map((f) => ({
            rule: f.rule,
            severity: f.severity,
            file: f.file,
            line: f.line,
            column: f.column,
            resource: f.resource
                ? {
                    apiVersion: f.resource.apiVersion,
                    kind: f.resource.kind,
                    name: f.resource.name,
                    namespace: f.resource.namespace ?? null,
                }
                : null,
            message: f.message,
        })),
        summary: { ...report.summary },
    };
}
/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, rule descriptors, results with physical locations whose
 * URIs are relative to the checkout (`%SRCROOT%`, which the uploader resolves to the repository root).
 */
function toSarif(report) {
    const rules = report.rules;
    const index = new Map(rules.map((r, i) => [r.id, i]));
    return {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: "gitops-pipeline",
                        version: VERSION,
                        rules: rules.map((r) => ({
                            id: r.id,
                            name: r.id,
                            shortDescription: { text: r.description },
                            fullDescription: { text: r.description },
                            defaultConfiguration: { level: r.defaultSeverity },
                            properties: { tags: ["kubernetes", "gitops"] },
                        })),
                    },
                },
                columnKind: "unicodeCodePoints",
                results: report.findings.map((f) => ({
                    ruleId: f.rule,
                    ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
                    level: f.severity,
                    message: { text: resourceName(f) ? `${resourceName(f)}: ${f.message}` : f.message },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: { uri: relativeUri(f.file), uriBaseId: "%SRCROOT%" },
                                region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
                            },
                        },
                    ],
                })),
            },
        ],
    };
}
/** Lone UTF-16 surrogates: not characters at all, so neither XML nor UTF-8 can carry them. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Characters a path segment may hold as they are (RFC 3986 pchar less pct-encoded); all else is %-encoded UTF-8. */
const PCHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;
/**
 * A file path as a relative URI reference (RFC 3986): each segment percent-encoded, so `#`, `?`, `%`, spaces and
 * non-ASCII survive, and a colon in the first segment encoded, so `c:x.yaml` is not read as a scheme.
 */
function relativeUri(file) {
    return file
        .replace(LONE_SURROGATE, "\uFFFD")
        .split("/")
        .map((segment, i) => Array.from(segment, (c) => PCHAR.test(c) && !(i === 0 && c === ":") ? c : encodeURIComponent(c).replace(/[!'()*]/g, escapeAscii)).join(""))
        .join("/");
}
const escapeAscii = (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
/**
 * Text for XML 1.0 content and attribute values: markup characters escaped, characters XML cannot hold at all (C0
 * controls but tab and newlines, U+FFFE, U+FFFF, lone surrogates) dropped; in attributes, tab and newlines become
 * character references so a parser does not fold them into spaces.
 */
const xml = (s, attribute = false) => {
    const text = s
        .replace(LONE_SURROGATE, "")
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/g, "")
        .replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);
    return attribute ? text.replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`) : text;
};
const attr = (s) => xml(s, true);
/** One test case per checked file: it fails with its errors listed; warnings go to its system-out. */
function toJunit(report) {
    const byFile = new Map();
    for (const file of report.files)
        byFile.set(file, []);
    for (const f of report.findings) {
        if (!byFile.has(f.file))
            byFile.set(f.file, []);
        byFile.get(f.file)?.push(f);
    }
    const line = (f) => `${f.file}:${f.line}:${f.column}: ${f.severity} [${f.rule}] ${f.message}`;
    let failures = 0;
    const cases = [];
    for (const [file, findings] of byFile) {
        const errors = findings.filter((f) => f.severity === "error");
        const warnings = findings.filter((f) => f.severity === "warning");
        let body = "";
        if (errors.length) {
            failures++;
            body += `      <failure message="${attr(`${errors.length} error${errors.length === 1 ? "" : "s"}: ${errors[0].message}`)}" type="${attr(errors[0].rule)}">${xml(errors.map(line).join("\n"))}</failure>\n`;
        }
        if (warnings.length)
            body += `      <system-out>${xml(warnings.map(line).join("\n"))}</system-out>\n`;
        cases.push(body
            ? `    <testcase classname="gitops-pipeline.validate" name="${attr(file)}" file="${attr(file)}">\n${body}    </testcase>\n`
            : `    <testcase classname="gitops-pipeline.validate" name="${attr(file)}" file="${attr(file)}"/>\n`);
    }
    return (`<?xml version="1.0" encoding="UTF-8"?>\n` +
        `<testsuites name="gitops-pipeline validate" tests="${cases.length}" failures="${failures}">\n` +
        `  <testsuite name="validate-manifests" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n` +
        cases.join("") +
        "  </testsuite>\n</testsuites>\n");
}
const escapeData = (s) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
/** `::error file=…,line=…,col=…,title=…::message`, the runner's annotation command. */
function workflowCommand(f) {
    const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(f.rule)}`;
    return `::${f.severity} ${props}::${escapeData(resourceName(f) ? `${resourceName(f)}: ${f.message}` : f.message)}`;
}
/** The findings that get an annotation: the first `annotationCap` errors and warnings; the rest stay in the summary. */
function annotated(findings) {
    const errors = findings.filter((f) => f.severity === "error");
    const warnings = findings.filter((f) => f.severity === "warning");
    const shown = [...errors.slice(0, annotationCap), ...warnings.slice(0, annotationCap)];
    return { shown, hidden: findings.length - shown.length };
}
/**
 * Repository text (file names, resource names, messages) as the plain text of one table cell: line breaks become
 * spaces, and every character Markdown or HTML could read as structure — a pipe ending the cell, a tag, a link, an
 * image, emphasis, a code span, the colon of a `scheme://` autolink — is written as a character reference, which renders as itself.
 */
const cell = (s) => s
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(/\r\n|[\r\n\u2028\u2029]/g, " ")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/[|<>&`*_[\]()!#~\\]|:(?=\/)/g, (c) => `&#${c.charCodeAt(0)};`);
const summaryRowCap = 1000;
/** Markdown for the job summary: counts, then every finding (up to a size GitHub accepts). */
function toMarkdown(report, options = {}) {
    const { files, resources, errors, warnings } = report.summary;
    const status = errors > 0 ? "❌" : warnings > 0 ? "⚠️" : "✅";
    const out = [
        `## ${status} validate-manifests`,
        "",
        "| Files | Resources | Errors | Warnings | Kustomizations built |",
        "| ---: | ---: | ---: | ---: | ---: |",
        `| ${files} | ${resources} | ${errors} | ${warnings} | ${report.rendered.length} |`,
        "",
    ];
    if (options.hiddenAnnotations) {
        out.push(`GitHub shows ${annotationCap} error and ${annotationCap} warning annotations per step; ${options.hiddenAnnotations} more finding${options.hiddenAnnotations === 1 ? " is" : "s are"} listed only here.`, "");
    }
    if (report.findings.length === 0) {
        out.push("No findings.", "");
        return out.join("\n");
    }
    out.push("| Severity | Rule | Location | Resource | Message |", "| --- | --- | --- | --- | --- |");
    for (const f of report.findings.slice(0, summaryRowCap)) {
        const where = `${f.file}:${f.line}:${f.column}`;
        const link = options.fileUrl ? `[${cell(where)}](${options.fileUrl(f)})` : `<code>${cell(where)}</code>`;
        out.push(`| ${f.severity} | <code>${cell(f.rule)}</code> | ${link} | ${cell(resourceName(f))} | ${cell(f.message)} |`);
    }
    if (report.findings.length > summaryRowCap) {
        out.push("", `${report.findings.length - summaryRowCap} more findings are in the JSON and SARIF reports.`);
    }
    out.push("");
    return out.join("\n");
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/process/env.ts
/**
 * The environment a child tool (git, kustomize) gets: what it needs to find itself, its configuration, certificates
 * and proxies — never the action's inputs (INPUT_TOKEN), the runner's tokens or anything else a tool could leak into
 * an error message, a hook or a credential helper.
 */
const PASSED = new Set([
    "PATH",
    "HOME",
    "USER",
    "LOGNAME",
    "TMPDIR",
    "TEMP",
    "TMP",
    "LANG",
    "TZ",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "SSL_CERT_FILE",
    "SSL_CERT_DIR",
    "NODE_EXTRA_CA_CERTS",
    "GIT_SSL_CAINFO",
    "GIT_SSL_CAPATH",
    "GIT_CONFIG_GLOBAL",
    "GIT_CONFIG_SYSTEM",
    "GIT_CONFIG_NOSYSTEM",
    "GIT_EXEC_PATH",
    "GIT_AUTHOR_NAME",
    "GIT_AUTHOR_EMAIL",
    "GIT_COMMITTER_NAME",
    "GIT_COMMITTER_EMAIL",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "NO_PROXY",
    "http_proxy",
    "https_proxy",
    "no_proxy",
    "KUBECONFIG",
]);
function childEnv(env = process.env, extra = {}) {
    const out = {};
    for (const [name, value] of Object.entries(env)) {
        if (value !== undefined &&
            (PASSED.has(name) ||
                name.startsWith("GIT_CONFIG_KEY_") ||
                name.startsWith("GIT_CONFIG_VALUE_") ||
                name === "GIT_CONFIG_COUNT"))
            out[name] = value;
    }
    return { ...out, ...extra };
}
/** git's environment: no prompt (a missing credential fails fast) and untranslated messages the code can read. */
const gitEnv = (env = process.env) => childEnv(env, { GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" });

;// CONCATENATED MODULE: ./src/validate/local.ts





/** A finding about a symbolic link the source did not follow; the link is named, what it points at is not read. */
function linkFinding(file, message) {
    return { rule: "symlink", severity: "warning", file, line: 1, column: 1, message };
}
const isInside = (root, real) => real === root || real.startsWith(root.endsWith((external_node_path_default()).sep) ? root : `${root}${(external_node_path_default()).sep}`);
/**
 * The working tree on disk, paths relative to `cwd`, bounded by the workspace `root`: nothing whose real path lies
 * outside `root` is read, listed or reported as existing. A symbolic link inside the workspace to something inside
 * it is followed (its file is read once, under the name given); a link leading out of the workspace, or back into a
 * directory that holds it, is not followed and becomes a warning that names the link.
 */
function localSource(cwd, root = cwd) {
    const abs = (p) => external_node_path_default().resolve(cwd, p);
    const realRoot = realOrResolved(root);
    const realCwd = realOrResolved(cwd);
    const reals = new Map();
    const refused = new Map();
    const listedDirs = new Set();
    // Keyed by the link's absolute path: one link reached under two names (a path given absolutely, and the
    // repository walked relatively) is one finding, under the first name.
    const refuse = (link, message) => {
        if (!refused.has(abs(link)))
            refused.set(abs(link), linkFinding(link, message));
    };
    /** Names the first link on the way to `p` that leads out of the workspace or loops, when there is one. */
    const blame = (p) => {
        const parts = external_node_path_default().normalize(p).split((external_node_path_default()).sep);
        for (let i = 1; i <= parts.length; i++) {
            const prefix = parts.slice(0, i).join((external_node_path_default()).sep) || (external_node_path_default()).sep;
            let link = false;
            try {
                link = (0,external_node_fs_namespaceObject.lstatSync)(abs(prefix)).isSymbolicLink();
            }
            catch {
                return;
            }
            if (!link)
                continue;
            const shown = prefix.split((external_node_path_default()).sep).join("/");
            let real;
            try {
                real = (0,external_node_fs_namespaceObject.realpathSync)(abs(prefix));
            }
            catch (error) {
                if (error.code === "ELOOP")
                    refuse(shown, "symbolic link loops back on itself; it is not followed");
                return;
            }
            if (!isInside(realRoot, real)) {
                refuse(shown, "symbolic link leads outside the workspace; it is not followed, so what it points at is not checked. Copy the file into the repository or remove the link.");
                return;
            }
        }
    };
    /**
     * Real path and type of an absolute path, or null when it does not exist or loops. Built from the parent's (cached),
     * so a file that is no link costs one lstat, and only links are resolved in full.
     */
    const resolved = new Map();
    const resolve = (absolute) => {
        const known = resolved.get(absolute);
        if (known !== undefined)
            return known;
        let out = null;
        const parent = external_node_path_default().dirname(absolute);
        const base = parent === absolute ? undefined : resolve(parent);
        if (parent === absolute || base) {
            const candidate = base ? external_node_path_default().join(base.real, external_node_path_default().basename(absolute)) : absolute;
            try {
                let stat = (0,external_node_fs_namespaceObject.lstatSync)(candidate);
                let real = candidate;
                if (stat.isSymbolicLink()) {
                    real = external_node_fs_namespaceObject.realpathSync.native(candidate);
                    stat = (0,external_node_fs_namespaceObject.statSync)(real);
                }
                out = { real, kind: stat.isDirectory() ? "dir" : stat.isFile() ? "file" : undefined };
            }
            catch {
                out = null;
            }
        }
        resolved.set(absolute, out);
        return out;
    };
    const inside = (p) => {
        const known = reals.get(p);
        if (known !== undefined)
            return known ?? undefined;
        const found = resolve(abs(p));
        const ok = found && isInside(realRoot, found.real) ? found : undefined;
        if (!ok && (found || isLink(abs(p))))
            blame(p);
        reals.set(p, ok ?? null);
        return ok;
    };
    const realPath = (p) => inside(p)?.real;
    const kind = (p) => inside(p)?.kind;
    /** Real paths of `dir` and every directory above it on the way the walk took to reach it. */
    const walkedThrough = (dir) => {
        const out = new Set();
        const parts = dir.split("/");
        for (let i = 0; i <= parts.length; i++) {
            const real = realPath(parts.slice(0, i).join("/") || ".");
            if (real !== undefined)
                out.add(real);
        }
        return out;
    };
    return {
        read(file) {
            const found = inside(file);
            if (found?.kind !== "file")
                return undefined;
            try {
                return (0,external_node_fs_namespaceObject.readFileSync)(found.real, "utf8");
            }
            catch {
                return undefined;
            }
        },
        list(dir) {
            const realDir = realPath(dir);
            if (realDir === undefined)
                return [];
            listedDirs.add(realDir);
            let entries;
            try {
                entries = (0,external_node_fs_namespaceObject.readdirSync)(realDir, { withFileTypes: true });
            }
            catch {
                return [];
            }
            entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
            const out = [];
            let stack;
            const absDir = abs(dir);
            for (const entry of entries) {
                if (!entry.isSymbolicLink()) {
                    if (!entry.isDirectory() && !entry.isFile())
                        continue;
                    const kind = entry.isDirectory() ? "dir" : "file";
                    out.push({ name: entry.name, dir: kind === "dir" });
                    // The listing already tells what a plain entry is: reading it later needs no lstat of its own.
                    resolved.set(external_node_path_default().join(absDir, entry.name), { real: external_node_path_default().join(realDir, entry.name), kind });
                    continue;
                }
                const full = dir === "." ? entry.name : `${dir}/${entry.name}`;
                const what = kind(full);
                if (what === "file")
                    out.push({ name: entry.name, dir: false });
                if (what !== "dir")
                    continue;
                const target = realPath(full);
                stack ??= walkedThrough(dir);
                if (stack.has(target) || isInside(target, realDir)) {
                    refuse(full, "symbolic link leads back into a directory that contains it (a loop); it is not followed");
                }
                else if (!listedDirs.has(target))
                    out.push({ name: entry.name, dir: true });
            }
            return out;
        },
        isDir: (p) => kind(p) === "dir",
        exists: (p) => kind(p) !== undefined,
        refusals: () => [...refused.values()],
        realPath,
        isDirect: (p) => realPath(p) === external_node_path_default().resolve(realCwd, p),
    };
}
function isLink(p) {
    try {
        return (0,external_node_fs_namespaceObject.lstatSync)(p).isSymbolicLink();
    }
    catch {
        return false;
    }
}
function realOrResolved(p) {
    try {
        return (0,external_node_fs_namespaceObject.realpathSync)(p);
    }
    catch {
        return external_node_path_default().resolve(p);
    }
}
function run(file, args) {
    return new Promise((resolve) => {
        (0,external_node_child_process_namespaceObject.execFile)(file, args, { maxBuffer: 256 * 1024 * 1024, env: childEnv() }, (error, stdout, stderr) => {
            const code = error ? (typeof error.code === "number" ? error.code : 127) : 0;
            resolve({ code, stdout, stderr: stderr || (error && code === 127 ? error.message : "") });
        });
    });
}
/** `kustomize build` when installed, else `kubectl kustomize`; undefined when neither exists. */
async function findKustomize() {
    if ((await run("kustomize", ["version"])).code === 0)
        return { file: "kustomize", args: ["build"] };
    if ((await run("kubectl", ["version", "--client"])).code === 0)
        return { file: "kubectl", args: ["kustomize"] };
    return undefined;
}
/**
 * Builds through a throw-away kustomization outside the repository that only adds
 * `buildMetadata: [originAnnotations]`, so every rendered object names the file it came from without touching the
 * user's tree. kustomize refuses absolute resource paths, hence the relative one.
 */
function kustomizeRenderer(cwd, tool, source) {
    return async (dir) => {
        if (source && !source.isDir(dir)) {
            return { ok: false, error: `${dir} is not a directory inside the workspace` };
        }
        const wrapper = (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_default().join((0,external_node_os_namespaceObject.tmpdir)(), "gitops-pipeline-build-"));
        try {
            const target = external_node_path_default().relative(wrapper, external_node_path_default().resolve(cwd, dir));
            (0,external_node_fs_namespaceObject.writeFileSync)(external_node_path_default().join(wrapper, "kustomization.yaml"), `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations]\n`);
            const result = await run(tool.file, [...tool.args, wrapper]);
            if (result.code !== 0)
                return { ok: false, error: reason(result.stderr, target, dir, wrapper) };
            const origin = (p) => external_node_path_default().relative(cwd, external_node_path_default().resolve(wrapper, p)).split((external_node_path_default()).sep).join("/");
            // kustomize refuses files outside a kustomization's root, but follows any directory, through a link or `..`:
            // a build that drew on the world outside the workspace is refused, none of its objects reported.
            const outside = source && originPaths(result.stdout).find((p) => isOutside(source, cwd, origin(p)));
            if (outside) {
                return {
                    ok: false,
                    error: `the build reads ${origin(outside)}, which is outside the workspace; its output is not checked. Keep every base and component inside the repository.`,
                };
            }
            return { ok: true, output: result.stdout, origin };
        }
        finally {
            (0,external_node_fs_namespaceObject.rmSync)(wrapper, { recursive: true, force: true });
        }
    };
}
/** Files named by kustomize's origin annotations (`path:` of a resource, `configuredIn:` of a generator). */
function originPaths(output) {
    const paths = [];
    const block = /^( *)config\.kubernetes\.io\/origin: \|-?\n((?:\1 +\S.*\n)+)/gm;
    for (let m = block.exec(output); m; m = block.exec(output)) {
        const field = /^ *(?:path|configuredIn): (.+)$/gm;
        for (let f = field.exec(m[2]); f; f = field.exec(m[2]))
            paths.push(f[1].trim().replace(/^(["'])(.*)\1$/, "$2"));
    }
    return paths;
}
/** True for a file that exists but is not inside the workspace (directly or through a link). */
function isOutside(source, cwd, file) {
    if (source.realPath(file) !== undefined)
        return false;
    try {
        (0,external_node_fs_namespaceObject.statSync)(external_node_path_default().resolve(cwd, file));
    }
    catch {
        return false;
    }
    return true;
}
/** kustomize's own words, without kubectl's log prefix or the wrapper's paths. */
function reason(stderr, target, dir, wrapper) {
    const text = stderr.trim();
    const quoted = /err="((?:[^"\\]|\\.)*)"/.exec(text);
    let message = quoted ? quoted[1].replace(/\\"/g, '"').replace(/\\n/g, " ") : text.replace(/^Error: /, "");
    message = message.split(wrapper).join("<build>").split(target).join(dir);
    message = message.replace(/^accumulating resources: accumulation err='accumulating resources from '[^']*': /, "");
    return message || "kustomize exited without saying why";
}
/**
 * Files changed between two commits (`git diff --name-only base...head`, relative to `cwd`); undefined when git
 * cannot answer — typically a shallow clone without the base commit — so the caller can check everything instead.
 */
async function changedFilesFromGit(cwd, base, head) {
    const result = await new Promise((resolve) => {
        (0,external_node_child_process_namespaceObject.execFile)("git", [
            "-C",
            cwd,
            "diff",
            "--name-only",
            "--relative",
            "--no-renames",
            "--end-of-options",
            `${base}...${head}`,
        ], { env: gitEnv() }, (error, stdout) => resolve({ code: error ? 1 : 0, stdout }));
    });
    if (result.code !== 0)
        return undefined;
    return result.stdout.split("\n").filter(Boolean);
}
/**
 * Clone URLs of the repository checked out at `root`, from its `origin` and `upstream` remotes (read from git's
 * config, no network). Only a repository whose top level is `root` counts, never one the workspace merely sits in.
 */
async function repositoryUrlsFromGit(root) {
    const result = await new Promise((resolve) => {
        (0,external_node_child_process_namespaceObject.execFile)("git", ["-C", root, "config", "--local", "--get-regexp", "^remote\\.(origin|upstream)\\.url$"], { env: { ...gitEnv(), GIT_CEILING_DIRECTORIES: external_node_path_default().dirname(external_node_path_default().resolve(root)) } }, (error, stdout) => resolve({ code: error ? 1 : 0, stdout }));
    });
    if (result.code !== 0)
        return [];
    return result.stdout
        .split("\n")
        .map((line) => line.slice(line.indexOf(" ") + 1).trim())
        .filter((url) => url !== "" && !url.includes("\n"));
}
/** A full git object id: 40 hex digits (SHA-1) or 64 (SHA-256). */
const isObjectId = (value) => typeof value === "string" && /^(?:[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/.test(value);
/**
 * Writes a report file the user named, relative to the workspace (`roots[0]`): never outside the given roots (the
 * workspace, the runner's temporary directory), never through a symbolic link (a link in the checkout could
 * otherwise point the write at any file the runner can change). Missing directories are created, inside the root.
 * Returns the absolute path written.
 */
function writeInsideWorkspace(roots, file, text, fail) {
    const hint = "Name a file inside the workspace (relative to it) or in RUNNER_TEMP, or leave the input empty.";
    const target = external_node_path_default().resolve(roots[0], file);
    const root = roots.find((r) => {
        const relative = external_node_path_default().relative(external_node_path_default().resolve(r), target);
        return !(relative === "" ||
            relative === ".." ||
            relative.startsWith(`..${(external_node_path_default()).sep}`) ||
            external_node_path_default().isAbsolute(relative));
    });
    if (root === undefined)
        throw fail(`${file} is outside the workspace`, hint);
    const missing = [];
    let dir = external_node_path_default().dirname(target);
    for (;;) {
        try {
            (0,external_node_fs_namespaceObject.lstatSync)(dir);
            break;
        }
        catch {
            missing.unshift(dir);
            dir = external_node_path_default().dirname(dir);
        }
    }
    let realDir;
    try {
        realDir = (0,external_node_fs_namespaceObject.realpathSync)(dir);
    }
    catch {
        throw fail(`the directory of ${file} cannot be resolved`, hint);
    }
    if (!isInside(realOrResolved(root), realDir) || !(0,external_node_fs_namespaceObject.statSync)(realDir).isDirectory())
        throw fail(`${file} leads outside the workspace through a symbolic link`, hint);
    for (const d of missing)
        (0,external_node_fs_namespaceObject.mkdirSync)(d);
    let fd;
    try {
        fd = (0,external_node_fs_namespaceObject.openSync)(target, external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_CREAT | external_node_fs_namespaceObject.constants.O_TRUNC | external_node_fs_namespaceObject.constants.O_NOFOLLOW, 0o644);
    }
    catch (error) {
        const code = error.code;
        if (code === "ELOOP")
            throw fail(`${file} is a symbolic link; the report is not written through it`, hint);
        if (code === "EISDIR")
            throw fail(`${file} is a directory`, hint);
        throw fail(`cannot write ${file}: ${error.message}`, hint);
    }
    try {
        (0,external_node_fs_namespaceObject.writeSync)(fd, text);
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
    return target;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/promote/checks.ts
// What `require-status` asks of the source commit, and how commit statuses, check runs and check suites answer it.
// A smoke test that runs as a job of a workflow reports a check run, Argo CD's notifications a commit status, a
// scanning app a check suite; the gate reads all three with one meaning of success, pending and failure.

const PREFIXES = [
    ["status:", "status"],
    ["check:", "check-run"],
    ["check-suite:", "check-suite"],
];
/** Reads one `require-status` entry; a known prefix with nothing after it is a mistake. */
function parseRequirement(text) {
    for (const [prefix, kind] of PREFIXES) {
        if (!text.startsWith(prefix))
            continue;
        const name = text.slice(prefix.length).trim();
        if (name === "") {
            throw new errors_UserError(`require-status entry ${JSON.stringify(text)} names nothing after '${prefix}'`, {
                hint: "Write NAME (a commit status context or a check run name), status:CONTEXT, check:CHECK-RUN-NAME " +
                    "or check-suite:APP-SLUG.",
            });
        }
        return { text, kind, name };
    }
    return { text, kind: "any", name: text };
}
const UNVERIFIED = new Set(["neutral", "skipped"]);
const UNVERIFIED_NOTE = "neutral and skipped verify nothing, so they do not count as success";
function statusObservation(status) {
    const verdict = status.state === "success" ? "success" : status.state === "pending" ? "pending" : "failure";
    return { source: "commit status", state: status.state, verdict };
}
/**
 * A check run or suite: anything not completed is pending; once completed only `success` passes. `neutral` and
 * `skipped` (a job whose `if:` was false) say nothing about staging, so they block like a failure; any other
 * conclusion (failure, cancelled, timed_out, action_required, stale, startup_failure, or one GitHub adds later)
 * fails.
 */
function checkObservation(source, status, conclusion) {
    if (status !== "completed") {
        const state = status ?? "queued";
        // An unknown in-flight status is still in flight: it blocks, and a later evaluation sees it finish.
        return { source, state, verdict: "pending" };
    }
    const state = conclusion ?? "completed";
    if (state === "success")
        return { source, state, verdict: "success" };
    if (UNVERIFIED.has(state))
        return { source, state, verdict: "failure", note: UNVERIFIED_NOTE };
    return { source, state, verdict: "failure" };
}
/** The latest check run of each name: a re-run replaces what it re-runs. */
function latestCheckRuns(runs) {
    const latest = new Map();
    for (const run of runs) {
        const seen = latest.get(run.name);
        if (!seen || run.id > seen.id)
            latest.set(run.name, run);
    }
    return latest;
}
function observe(requirement, checks) {
    const found = [];
    const { kind, name } = requirement;
    if (kind === "any" || kind === "status") {
        const status = checks.statuses.find((s) => s.context === name);
        if (status)
            found.push(statusObservation(status));
    }
    if (kind === "any" || kind === "check-run") {
        const run = latestCheckRuns(checks.checkRuns ?? []).get(name);
        if (run)
            found.push(checkObservation("check run", run.status, run.conclusion));
    }
    if (kind === "check-suite") {
        for (const suite of checks.checkSuites ?? []) {
            if (suite.app === name && suite.runs > 0) {
                found.push(checkObservation("check suite", suite.status, suite.conclusion));
            }
        }
    }
    return found;
}
const NOUN = {
    any: "status",
    status: "status",
    "check-run": "check run",
    "check-suite": "check suite",
};
/**
 * Evaluates one requirement against the source commit's reports. Every report that answers it must pass: a
 * commit status and a check run of the same name both count, and several suites of one app all must succeed.
 */
function evaluateRequirement(requirement, checks, where) {
    const noun = NOUN[requirement.kind];
    const observations = observe(requirement, checks);
    if (observations.length === 0) {
        return {
            requirement,
            verdict: undefined,
            detail: `required ${noun} ${requirement.name} not reported ${where}`,
        };
    }
    const deciding = observations.find((o) => o.verdict === "failure") ??
        observations.find((o) => o.verdict === "pending") ??
        observations[0];
    const sources = [...new Set(observations.map((o) => o.source))];
    const shown = requirement.kind === "any" && sources.length === 1 && sources[0] === "commit status"
        ? ""
        : sources.length === 1
            ? ` (${observations.length > 1 ? `${observations.length} ${sources[0]}s` : sources[0]})`
            : ` (${observations.map((o) => `${o.source} ${o.state}`).join(", ")})`;
    return {
        requirement,
        verdict: deciding.verdict,
        detail: `required ${noun} ${requirement.name} is ${deciding.state} ${where}${shown}` +
            (deciding.note ? `; ${deciding.note}` : ""),
    };
}
/** Which kinds of report the requirements can be answered by, so an adapter fetches only those. */
function reportsNeeded(requirements) {
    const kinds = new Set(requirements.map((text) => parseRequirement(text).kind));
    return { checkRuns: kinds.has("any") || kinds.has("check-run"), checkSuites: kinds.has("check-suite") };
}

;// CONCATENATED MODULE: ./src/promote/window.ts

const DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const FORMAT_HINT = 'Write a window as "DAYS HH:MM-HH:MM ZONE", e.g. "Mon-Fri 09:00-17:00 Europe/Berlin"; DAYS is a day (Mon), a range ' +
    "(Mon-Fri, Fri-Mon wraps over the weekend) or a comma list of those; ZONE is an IANA time zone such as UTC.";
function dayIndex(name, window, where) {
    const index = DAY_NAMES.indexOf(name.slice(0, 3).toLowerCase());
    const full = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    if (index < 0 || !(name.length === 3 || name.toLowerCase() === full[index])) {
        throw new errors_UserError(`deployment window ${JSON.stringify(window)}: unknown day ${JSON.stringify(name)}`, {
            ...where,
            hint: "Days are Mon, Tue, Wed, Thu, Fri, Sat, Sun (or their full English names).",
        });
    }
    return index;
}
function parseDays(spec, window, where) {
    const days = new Set();
    for (const part of spec.split(",")) {
        const [first, last, extra] = part.split("-");
        if (!first || extra !== undefined || last === "") {
            throw new errors_UserError(`deployment window ${JSON.stringify(window)}: bad day range ${JSON.stringify(part)}`, {
                ...where,
                hint: FORMAT_HINT,
            });
        }
        const from = dayIndex(first, window, where);
        const to = last === undefined ? from : dayIndex(last, window, where);
        // A range walks forward through the week, so Fri-Mon is Fri, Sat, Sun, Mon.
        for (let day = from;; day = (day + 1) % 7) {
            days.add(day);
            if (day === to)
                break;
        }
    }
    return days;
}
function parseTime(text, window, where) {
    const match = /^([01]?\d|2[0-4]):([0-5]\d)$/.exec(text);
    const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
    if (!match || minutes > 24 * 60) {
        throw new errors_UserError(`deployment window ${JSON.stringify(window)}: bad time ${JSON.stringify(text)}`, {
            ...where,
            hint: "Times are 24-hour HH:MM, from 00:00 to 24:00.",
        });
    }
    return minutes;
}
/** Parses one window; `where` points errors at the config line that holds it. */
function parseWindow(text, where = {}) {
    const fields = text.trim().split(/\s+/);
    if (fields.length !== 3) {
        throw new errors_UserError(`deployment window ${JSON.stringify(text)}: expected 3 fields (days, time span, time zone), found ${fields[0] === "" ? 0 : fields.length}`, { ...where, hint: FORMAT_HINT });
    }
    const [daySpec, span, zone] = fields;
    const days = parseDays(daySpec, text, where);
    const times = span.split("-");
    if (times.length !== 2) {
        throw new errors_UserError(`deployment window ${JSON.stringify(text)}: bad time span ${JSON.stringify(span)}`, {
            ...where,
            hint: FORMAT_HINT,
        });
    }
    const start = parseTime(times[0], text, where);
    const end = parseTime(times[1], text, where);
    if (start === end) {
        throw new errors_UserError(`deployment window ${JSON.stringify(text)}: the span ${span} is empty`, {
            ...where,
            hint: "Use 00:00-24:00 for a whole day.",
        });
    }
    try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
    }
    catch {
        throw new errors_UserError(`deployment window ${JSON.stringify(text)}: unknown time zone ${JSON.stringify(zone)}`, {
            ...where,
            hint: "Use an IANA zone name such as Europe/Berlin, America/New_York or UTC.",
        });
    }
    return { text, days, start, end, zone };
}
/** Weekday (0 = Sunday) and minutes after midnight of `now` on the wall clocks of `zone`. */
function wallClock(now, zone) {
    const parts = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        weekday: "short",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
    }).formatToParts(now);
    const part = (type) => parts.find((p) => p.type === type)?.value ?? "";
    const weekday = part("weekday");
    const hour = Number(part("hour"));
    const minute = Number(part("minute"));
    return {
        day: DAY_NAMES.indexOf(weekday.toLowerCase()),
        minutes: hour * 60 + minute,
        label: `${weekday} ${part("hour")}:${part("minute")} ${zone}`,
    };
}
function isWindowOpen(window, now) {
    const { day, minutes } = wallClock(now, window.zone);
    if (window.start < window.end) {
        return window.days.has(day) && minutes >= window.start && minutes < window.end;
    }
    // An overnight span belongs to the day it starts on: "Fri 22:00-02:00" includes Saturday 01:00.
    const yesterday = (day + 6) % 7;
    return ((window.days.has(day) && minutes >= window.start) || (window.days.has(yesterday) && minutes < window.end));
}
/** Several windows are alternatives: the gate is inside when any one of them is open; none configured = always. */
function anyWindowOpen(windows, now) {
    return windows.length === 0 || windows.some((window) => isWindowOpen(window, now));
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/update/encoding.ts
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function encoding_decodeText(bytes) {
    try {
        return { text: strictUtf8.decode(bytes), encoding: "utf8" };
    }
    catch {
        return {
            text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"),
            encoding: "latin1",
        };
    }
}
/** The bytes of `text` held as `encoding`; a character outside one byte in a "latin1" text is a bug, not data loss. */
function encoding_encodeText(text, encoding = "utf8") {
    if (encoding === "latin1" && /[^\u0000-\u00ff]/.test(text)) {
        throw new Error("a byte-per-character text holds a character above U+00FF");
    }
    return Buffer.from(text, encoding);
}

;// CONCATENATED MODULE: ./src/update/local.ts







/**
 * Normalises a repository-relative path and refuses one that leaves the repository (`..`, absolute paths),
 * so no caller can read or write outside the root it was given.
 */
function repoPath(path) {
    const slashed = path.replace(/\\/g, "/");
    if ((0,external_node_path_namespaceObject.isAbsolute)(path) || slashed.startsWith("/")) {
        throw new errors_UserError(`path ${JSON.stringify(path)} is absolute`, {
            hint: "Give paths relative to the repository root.",
        });
    }
    const normal = external_node_path_namespaceObject.posix.normalize(slashed).replace(/\/+$/, "");
    if (normal === ".." || normal.startsWith("../")) {
        throw new errors_UserError(`path ${JSON.stringify(path)} leaves the repository through '..'`, {
            hint: "Give paths inside the repository, relative to its root.",
        });
    }
    return normal === "." ? "" : normal;
}
// The callback form costs measurably less CPU per small file than fs/promises' FileHandle-based readFile,
// which dominated a walk over thousands of files (see bench/update-tag.mjs).
const readFile = (0,external_node_util_namespaceObject.promisify)(external_node_fs_namespaceObject.readFile);
function local_isInside(root, target) {
    const rel = relative(root, target);
    return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}
/** A RepoReader over a directory; symlinks are followed only while they stay inside it. */
function localReader(root) {
    let realRoot;
    const base = () => {
        realRoot ??= realpath(root).then(async (real) => {
            if (!(await stat(real)).isDirectory()) {
                throw new UserError(`repository directory ${JSON.stringify(root)} is not a directory`, {
                    hint: "Pass the root directory of the config repository with --repo.",
                });
            }
            return real;
        }, (error) => {
            throw new UserError(`repository directory ${JSON.stringify(root)} cannot be read (${error.code})`, {
                hint: "Pass an existing directory with --repo.",
            });
        });
        return realRoot;
    };
    // What listings already showed to be plain files and directories (no symlink on the way): these need no
    // further checks, which keeps a walk over thousands of files to one readdir per directory and one read per file.
    const known = new Map();
    // Files read one character per byte because they are not UTF-8: written back the same way (see encoding.ts).
    const encodings = new Map();
    /** Real path of a repository path, after checking that neither `..` nor a symlink leads outside. */
    function resolve(path) {
        const rel = repoPath(path);
        let found = known.get(rel);
        if (!found) {
            found = resolveUncached(rel);
            known.set(rel, found);
        }
        return found;
    }
    async function resolveUncached(rel) {
        const top = await base();
        if (rel === "")
            return { real: top, dir: true };
        const slash = rel.lastIndexOf("/");
        const parent = await resolve(slash < 0 ? "" : rel.slice(0, slash));
        if (!parent?.dir)
            return undefined;
        const candidate = join(parent.real, rel.slice(slash + 1));
        let stats;
        try {
            stats = await lstat(candidate);
        }
        catch (error) {
            if (error.code === "ENOENT")
                return undefined;
            throw error;
        }
        if (!stats.isSymbolicLink())
            return { real: candidate, dir: stats.isDirectory() };
        const real = await realpath(candidate).catch(() => undefined);
        if (real === undefined)
            return undefined;
        if (!local_isInside(top, real)) {
            throw new UserError(`path ${JSON.stringify(rel)} leaves the repository through a symlink (to ${real})`, {
                hint: "Replace the symlink with the file, or point it inside the repository.",
            });
        }
        return { real, dir: (await stat(real)).isDirectory() };
    }
    return {
        root,
        async list(dir) {
            const resolved = await resolve(dir);
            if (!resolved?.dir)
                return [];
            const rel = repoPath(dir);
            const found = await readdir(resolved.real, { withFileTypes: true });
            return found
                .map((entry) => {
                const type = entry.isSymbolicLink() ? "symlink" : entry.isDirectory() ? "dir" : "file";
                const path = rel ? `${rel}/${entry.name}` : entry.name;
                if (type !== "symlink" && !known.has(path)) {
                    known.set(path, Promise.resolve({ real: join(resolved.real, entry.name), dir: type === "dir" }));
                }
                return { name: entry.name, type };
            })
                .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        },
        async read(path) {
            const resolved = await resolve(path);
            if (!resolved || resolved.dir)
                return undefined;
            const { text, encoding } = decodeText(await readFile(resolved.real));
            if (encoding !== "utf8")
                encodings.set(repoPath(path), encoding);
            return text;
        },
        encoding(path) {
            return encodings.get(repoPath(path)) ?? "utf8";
        },
        async writeAll(files) {
            const planned = [];
            try {
                for (const file of files) {
                    const target = (await resolve(file.path))?.real ?? join(await base(), repoPath(file.path));
                    const existing = await lstat(target).catch(() => undefined);
                    // Renaming over a directory fails only after the earlier files were replaced: refuse it up front.
                    if (existing && !existing.isFile()) {
                        throw new UserError(`${JSON.stringify(file.path)} is not a regular file, so it cannot be replaced`, {
                            file: file.path,
                            hint: "Remove or rename what is there, then run again; nothing was written.",
                        });
                    }
                    const temp = join(dirname(target), `.${randomBytes(6).toString("hex")}.gitops-pipeline.tmp`);
                    planned.push({ temp, target });
                    await writeFile(temp, encodeText(file.content, encodings.get(repoPath(file.path))), {
                        mode: existing ? existing.mode & 0o7777 : 0o644,
                        flag: "wx",
                    });
                }
            }
            catch (error) {
                await Promise.all(planned.map(({ temp }) => rm(temp, { force: true })));
                throw error;
            }
            for (const [index, { temp, target }] of planned.entries()) {
                try {
                    await rename(temp, target);
                }
                catch (error) {
                    // Files already renamed stay replaced, but no temporary file is left behind next to the others.
                    await Promise.all(planned.slice(index).map((left) => rm(left.temp, { force: true })));
                    throw error;
                }
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/yaml/duplicates.ts

/**
 * The repeated keys of every mapping under `root`, in document order. The `yaml` package's own check compares each
 * new key with every earlier one, which turns a 10 MB mapping into minutes of work; this is the same rule (scalar
 * keys with equal values; other keys never compare equal) with one set per mapping, so it is linear in the size of
 * the document. The walk keeps its own stack: deep nesting cannot overflow the call stack.
 */
function duplicateKeys(root) {
    const found = [];
    const stack = [root];
    const seenNodes = new Set();
    while (stack.length > 0) {
        const node = stack.pop();
        if (!node || typeof node !== "object" || seenNodes.has(node))
            continue;
        seenNodes.add(node);
        if ((0,dist/* isMap */.jh)(node)) {
            const first = new Map();
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair))
                    continue;
                const key = pair.key;
                if ((0,dist/* isScalar */.jn)(key)) {
                    const identity = keyIdentity(key.value);
                    const earlier = identity === undefined ? undefined : first.get(identity);
                    if (earlier) {
                        found.push({
                            key: String(key.value),
                            offset: key.range?.[0] ?? 0,
                            firstOffset: earlier.range?.[0] ?? 0,
                        });
                    }
                    else if (identity !== undefined)
                        first.set(identity, key);
                }
                else
                    stack.push(key);
                stack.push(pair.value);
            }
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            for (const item of node.items)
                stack.push(item);
        }
    }
    return found.sort((a, b) => a.offset - b.offset);
}
/** Equal for values `===` would call equal (the parser's own rule), so `1` and `"1"` stay different keys. */
function keyIdentity(value) {
    if (typeof value === "number" && Number.isNaN(value))
        return undefined;
    if (value !== null && typeof value === "object")
        return undefined;
    return `${typeof value}:${String(value)}`;
}

;// CONCATENATED MODULE: ./src/yaml/document.ts



/**
 * The largest file the edit path parses: 32 MiB. Parsing keeps a node per token and the source tokens, about 35
 * bytes of memory per byte of YAML (a 10 MB file peaks near 360 MB and parses in about a second), so this bounds a
 * run to roughly 1.2 GB and a few seconds per file. Hand-written manifests are kilobytes; the biggest generated ones
 * in config repositories (CRD bundles, rendered charts) are a few MB.
 */
const MAX_YAML_BYTES = 32 * 1024 * 1024;
/**
 * Parses every document of a file with source ranges kept. Syntax errors become a UserError at file:line so
 * nothing is edited in a file the tools downstream could not read either.
 */
function document_parseYamlFile(path, content) {
    const file = parseYamlDocuments(path, content);
    for (const document of file.documents) {
        const error = documentError(file, document);
        if (error)
            throw error;
    }
    return file;
}
/**
 * Parses without judging the documents: each may carry errors (see `documentError`). Only a file above
 * MAX_YAML_BYTES is refused here, before any work.
 */
function parseYamlDocuments(path, content) {
    if (content.length > MAX_YAML_BYTES) {
        throw new errors_UserError(`this file is ${(content.length / 1024 / 1024).toFixed(1)} MiB; YAML files above ${MAX_YAML_BYTES / 1024 / 1024} MiB are not edited`, {
            file: path,
            hint: "A manifest this large is generated: regenerate it with the new version, or leave it out of the paths.",
        });
    }
    const lines = new dist/* LineCounter */.HN();
    // Parsed as YAML 1.2: only ranges and structure matter here, and quoting decisions check 1.1 and 1.2.
    // Duplicate keys stay errors, as in Go's yaml (kustomize, Helm): which one would a reader take? They are found by
    // `duplicateKeys` (linear) rather than the parser's own check, which is quadratic in the size of a mapping.
    const parsed = (0,dist/* parseAllDocuments */.hR)(content, {
        lineCounter: lines,
        keepSourceTokens: true,
        uniqueKeys: false,
    });
    // An empty stream comes back as an EmptyStream (an array subclass with extra fields): keep plain arrays.
    return { path, content, documents: [...parsed], lines };
}
/** The first problem of one document as a UserError at file:line: a syntax error, else a repeated key. */
function documentError(file, document) {
    const error = document.errors[0];
    if (error) {
        const at = error.linePos?.[0] ?? file.lines.linePos(error.pos[0]);
        const first = error.message.split("\n")[0] ?? error.message;
        return new errors_UserError(`malformed YAML: ${first.replace(/ at line \d+, column \d+:?$/, "")}`, {
            file: file.path,
            line: at.line,
            column: at.col,
            hint: "Fix the YAML syntax; nothing was changed.",
        });
    }
    const duplicate = duplicateKeys(document.contents)[0];
    if (duplicate) {
        const at = file.lines.linePos(duplicate.offset);
        return new errors_UserError(`malformed YAML: map keys must be unique; ${JSON.stringify(duplicate.key)} repeats the key at line ${file.lines.linePos(duplicate.firstOffset).line}`, {
            file: file.path,
            line: at.line,
            column: at.col,
            hint: "Remove or rename one of the keys: YAML readers disagree on which value wins; nothing was changed.",
        });
    }
    return undefined;
}
function document_positionOf(file, offset) {
    const { line, col } = file.lines.linePos(offset);
    return { line, column: col };
}

;// CONCATENATED MODULE: ./src/yaml/embedded.ts



/**
 * Parses the text of a literal block scalar as YAML. Returns undefined when the block is not plainly mappable
 * (folded, explicit indentation indicator, or not YAML): those are left alone rather than guessed at.
 */
function embeddedYaml(outer, node) {
    if (node.type !== Scalar.BLOCK_LITERAL || typeof node.value !== "string" || !node.range)
        return undefined;
    const { content } = outer;
    const [start, end] = node.range;
    const headerEnd = content.indexOf("\n", start);
    if (headerEnd < 0 || headerEnd >= end || /\d/.test(content.slice(start, headerEnd)))
        return undefined;
    const inner = node.value;
    const innerLines = inner.split("\n");
    const outerStarts = [];
    for (let at = headerEnd + 1; at < end; at = content.indexOf("\n", at) + 1 || end)
        outerStarts.push(at);
    const firstLine = content.slice(outerStarts[0] ?? end, content.indexOf("\n", outerStarts[0] ?? end));
    const indent = /^ */.exec(firstLine)[0].length;
    // Every embedded line must sit, unchanged, at the block's indentation on its own outer line.
    for (const [k, line] of innerLines.entries()) {
        if (line === "")
            continue;
        const at = outerStarts[k];
        if (at === undefined || content.slice(at + indent, at + indent + line.length) !== line)
            return undefined;
    }
    const innerStarts = [0];
    for (let i = inner.indexOf("\n"); i >= 0; i = inner.indexOf("\n", i + 1))
        innerStarts.push(i + 1);
    const lineOf = (offset) => {
        let k = innerStarts.length - 1;
        while (k > 0 && innerStarts[k] > offset)
            k--;
        return k;
    };
    // A line start maps to the outer line's start (before the block's indentation), so whole-line insertions
    // and removals stay whole lines; anything else maps past the indentation.
    const toOuter = (offset) => {
        const k = lineOf(offset);
        const line = outerStarts[k];
        if (line === undefined)
            return end;
        return offset === innerStarts[k] ? line : line + indent + (offset - innerStarts[k]);
    };
    let file;
    try {
        file = parseYamlFile(outer.path, inner);
    }
    catch (error) {
        if (isUserError(error))
            return undefined;
        throw error;
    }
    const eol = content[headerEnd - 1] === "\r" ? "\r\n" : "\n";
    return {
        file,
        position: (offset) => positionOf(outer, toOuter(offset)),
        splice: (splice) => {
            const pad = " ".repeat(indent);
            const lines = splice.text.split(/\r?\n/);
            const text = lines
                .map((line, i) => (i > 0 || splice.start === innerStarts[lineOf(splice.start)]) && line !== "" ? pad + line : line)
                .join(eol);
            return { start: toOuter(splice.start), end: toOuter(splice.end), text };
        },
    };
}

;// CONCATENATED MODULE: ./src/yaml/mapping.ts

/** The line ending at or after `at`; on a last line without one, the line ending of the line before. */
function lineEnding(content, at) {
    let newline = content.indexOf("\n", at);
    if (newline < 0)
        newline = content.lastIndexOf("\n", at);
    return newline > 0 && content[newline - 1] === "\r" ? "\r\n" : "\n";
}
function lineStart(content, at) {
    return content.lastIndexOf("\n", at - 1) + 1;
}
function keyStart(pair) {
    return pair.key.range[0];
}
function valueEnd(pair) {
    const value = pair.value;
    if (value?.range)
        return value.range[1];
    return pair.key.range[1] + 1;
}
/**
 * Inserts `key: text` right after `after` in the same map, in the map's own style: a new line at the key's
 * indentation (with the file's line ending) in block maps, `, key: text` in flow maps.
 */
function insertPair(file, map, after, key, text) {
    const { content } = file;
    const end = valueEnd(after);
    if (map.flow)
        return { start: end, end, text: `, ${key}: ${text}` };
    const start = keyStart(after);
    const indent = " ".repeat(start - lineStart(content, start));
    const eol = lineEnding(content, end - 1);
    const newline = content.indexOf("\n", Math.max(end - 1, start));
    if (newline < 0)
        return { start: content.length, end: content.length, text: `${eol}${indent}${key}: ${text}` };
    return { start: newline + 1, end: newline + 1, text: `${indent}${key}: ${text}${eol}` };
}
/**
 * Removes one pair with its line (block) or its separator (flow). A pair that shares its line with a
 * sequence dash (`- digest: …`) is removed up to the next key so the dash stays with the entry.
 */
function removePair(file, map, pair) {
    const { content } = file;
    const index = map.items.indexOf(pair);
    const start = keyStart(pair);
    const end = valueEnd(pair);
    const next = map.items[index + 1];
    const previous = map.items[index - 1];
    if (map.flow) {
        if (previous)
            return { start: valueEnd(previous), end, text: "" };
        if (next)
            return { start, end: keyStart(next), text: "" };
        return { start, end, text: "" };
    }
    const ownLine = content.slice(lineStart(content, start), start).trim() === "";
    if (!ownLine) {
        if (next)
            return { start, end: keyStart(next), text: "" };
        return { start, end, text: "" };
    }
    const newline = content.indexOf("\n", Math.max(end - 1, start));
    const from = lineStart(content, start);
    if (newline < 0 && from > 0) {
        // The last line has no line break: take the one before it, so the file still ends without one.
        return { start: content[from - 2] === "\r" ? from - 2 : from - 1, end: content.length, text: "" };
    }
    return { start: from, end: newline < 0 ? content.length : newline + 1, text: "" };
}
function isStringScalar(node) {
    return isScalar(node) && (typeof node.value === "string" || typeof node.value === "number");
}

;// CONCATENATED MODULE: ./src/yaml/scalar.ts


/**
 * Plain spellings that YAML 1.1 readers (Go's yaml.v2/v3 as used by kustomize and Helm, PyYAML) turn into
 * something other than the same string. The `yaml` package checks cover most of them; these patterns keep the
 * decision independent of one library's schema details.
 */
const YAML11_SPECIAL = (/* unused pure expression or super */ null && ([
    /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
    /^(?:~|null|Null|NULL|)$/,
    /^[-+]?(?:0b[01_]+|0[0-7_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|(?:0|[1-9][0-9_]*))$/,
    /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$/,
    /^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
    /^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/,
    /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$/,
    /^(?:=|<<)$/,
]));
/** True when `value` written as a plain scalar would not read back as this exact string under YAML 1.1 or 1.2. */
function needsQuotes(value, inFlow = false) {
    if (YAML11_SPECIAL.some((re) => re.test(value)))
        return true;
    if (value !== value.trim() || /[\n\r\t]/.test(value))
        return true;
    // Indicators that cannot start a plain scalar (some parsers only warn, Go's yaml refuses).
    if (/^[,[\]{}#&*!|>'"%@`]|^[-?:](?:\s|$)/.test(value) || /:\s|\s#/.test(value))
        return true;
    if (inFlow && /[,[\]{}]/.test(value))
        return true;
    for (const version of ["1.1", "1.2"]) {
        try {
            if (parse(`${value}\n`, { version, logLevel: "silent" }) !== value)
                return true;
            if (parse(`k: ${value}\n`, { version, logLevel: "silent" })?.k !== value)
                return true;
        }
        catch {
            return true;
        }
    }
    return false;
}
function doubleQuoted(value) {
    let out = '"';
    for (const ch of value) {
        const code = ch.codePointAt(0);
        if (ch === '"' || ch === "\\")
            out += `\\${ch}`;
        else if (ch === "\n")
            out += "\\n";
        else if (ch === "\t")
            out += "\\t";
        else if (code < 0x20 || code === 0x7f)
            out += `\\x${code.toString(16).padStart(2, "0")}`;
        else
            out += ch;
    }
    return `${out}"`;
}
function singleQuoted(value) {
    return `'${value.replace(/'/g, "''")}'`;
}
/**
 * The string a scalar holds as the user sees it. Plain scalars are read from the source so `tag: 1.10` is
 * "1.10" (what a Go template prints from the text is irrelevant: the author meant 1.10), not the number 1.1.
 */
function scalarText(content, node) {
    if (!node.range)
        return undefined;
    if (node.type === Scalar.PLAIN) {
        return content.slice(node.range[0], node.range[1]).trim();
    }
    if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
        return typeof node.value === "string" ? node.value.trim() : undefined;
    }
    return typeof node.value === "string" ? node.value : undefined;
}
/** The splice that makes `node` hold `value`, written in the node's own style. */
function replaceScalar(content, node, value, where, inFlow = false) {
    const [start, end] = node.range;
    switch (node.type) {
        case Scalar.QUOTE_SINGLE:
            return { start, end, text: singleQuoted(value) };
        case Scalar.QUOTE_DOUBLE:
            return { start, end, text: doubleQuoted(value) };
        case Scalar.BLOCK_LITERAL:
        case Scalar.BLOCK_FOLDED:
            return replaceBlockScalar(content, start, end, value, where);
        default: {
            if (start === end) {
                // An empty value (`newTag:`): keep the separator space YAML needs on either side.
                const text = needsQuotes(value, inFlow) ? doubleQuoted(value) : value;
                const before = content[start - 1] === ":" ? " " : "";
                const after = content[start] === "#" ? " " : "";
                return { start, end, text: `${before}${text}${after}` };
            }
            if (content.slice(start, end).includes("\n")) {
                // A multi-line plain scalar: rewriting it on one line keeps the value but joins its lines.
                return { start, end, text: doubleQuoted(value) };
            }
            return { start, end, text: needsQuotes(value, inFlow) ? doubleQuoted(value) : value };
        }
    }
}
/** Keeps the `|`/`>` header, indentation and trailing blank lines; only a one-line body can be rewritten. */
function replaceBlockScalar(content, start, end, value, where) {
    const source = content.slice(start, end);
    const headerEnd = source.indexOf("\n") + 1;
    const body = source.slice(headerEnd);
    const match = /^([ \t]*)(\S[^\r\n]*)(\r?\n|$)/.exec(body);
    const restOfBody = match ? body.slice(match[0].length) : "";
    if (!match || restOfBody.trim() !== "") {
        throw new UserError("cannot rewrite a multi-line block scalar holding an image reference", {
            ...where,
            hint: "Write the reference on one line (plain or quoted) and run again.",
        });
    }
    return {
        start: start + headerEnd + match[1].length,
        end: start + headerEnd + match[1].length + match[2].length,
        text: value,
    };
}

;// CONCATENATED MODULE: ./src/yaml/tree.ts



/** Follows an alias to its anchored node, remembering where the anchor is (edits there would change every use). */
function deref(file, document, node, parent) {
    if ((0,dist/* isAlias */.Vj)(node)) {
        const target = node.resolve(document);
        if (!target)
            return undefined;
        if (parent?.anchor)
            return { node: target, anchor: parent.anchor, alias: parent.alias };
        return {
            node: target,
            anchor: document_positionOf(file, target.range?.[0] ?? 0),
            alias: document_positionOf(file, node.range?.[0] ?? 0),
        };
    }
    if (node === null || node === undefined)
        return undefined;
    return { node: node, anchor: parent?.anchor, alias: parent?.alias };
}
function keyOf(pair) {
    const key = pair.key;
    if ((0,dist/* isScalar */.jn)(key) && (typeof key.value === "string" || typeof key.value === "number"))
        return String(key.value);
    return undefined;
}
/**
 * The entries of a map as a reader sees them: its own keys first, then keys merged in with `<<: *anchor`
 * (those count as reached through an alias). Later duplicates are ignored, as YAML readers keep the first.
 */
function entries(file, document, reached) {
    return mapEntries(file, document, reached, new Set());
}
/** `entries` with the maps being merged so far: a map that merges itself (`&a {<<: *a}`) must not loop forever. */
function mapEntries(file, document, reached, merging) {
    merging.add(reached.node);
    const out = [];
    const seen = new Set();
    const merges = [];
    for (const pair of reached.node.items) {
        const key = keyOf(pair);
        if (key === undefined)
            continue;
        if (key === "<<" && !((0,dist/* isScalar */.jn)(pair.key) && pair.key.type !== "PLAIN")) {
            const sources = (0,dist/* isSeq */.oP)(pair.value) ? pair.value.items : [pair.value];
            for (const source of sources) {
                const target = deref(file, document, source, reached);
                if (target)
                    merges.push(target);
            }
            continue;
        }
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push({ key, pair, value: deref(file, document, pair.value, reached), map: reached.node });
    }
    for (const merged of merges) {
        if (!(0,dist/* isMap */.jh)(merged.node) || merging.has(merged.node))
            continue;
        for (const entry of mapEntries(file, document, merged, merging)) {
            if (seen.has(entry.key))
                continue;
            seen.add(entry.key);
            out.push(entry);
        }
    }
    merging.delete(reached.node);
    return out;
}
function get(file, document, map, key) {
    return entries(file, document, map).find((entry) => entry.key === key);
}
function asMap(reached) {
    return reached && (0,dist/* isMap */.jh)(reached.node) ? reached : undefined;
}
function items(file, document, reached) {
    if (!reached || !(0,dist/* isSeq */.oP)(reached.node))
        return [];
    const out = [];
    for (const item of reached.node.items) {
        const target = deref(file, document, item, reached);
        if (target)
            out.push(target);
    }
    return out;
}
/** True when the node sits in a flow collection (`[a, b]`, `{k: v}`), where `,[]{}` need quoting. */
function isFlow(node) {
    return Boolean(node && (isMap(node) || isSeq(node)) && node.flow);
}
/** Every anchor that is used through an alias in a document; editing inside one changes all of its uses. */
function anchorUses(file, document) {
    const found = new Map();
    visit(document, {
        Alias(_, alias) {
            const target = alias.resolve(document);
            if (!target?.range)
                return;
            let use = found.get(target);
            if (!use) {
                use = {
                    name: alias.source,
                    start: target.range[0],
                    end: target.range[2],
                    at: positionOf(file, target.range[0]),
                    uses: [],
                };
                found.set(target, use);
            }
            use.uses.push(positionOf(file, alias.range?.[0] ?? 0));
        },
    });
    return [...found.values()];
}
/** Repeated visits one walk may make: far above any real manifest, far below what nested aliases can expand to. */
const MAX_WALK_VISITS = 100_000;
/**
 * Guards a recursive walk that follows aliases. A node that contains an alias to itself (`&a {b: *a}`) would be
 * walked forever, and aliases of aliases (`&b [*a, *a]`, `&c [*b, *b]`, …) double the work at every level: `enter`
 * skips a node already on the current path and stops the walk with a UserError once the expansion is absurd. Only
 * visits of a node already walked count: a first visit is bounded by the file's size, so a large file without
 * aliases is walked whole.
 */
function aliasWalkGuard(file) {
    const onPath = new Set();
    const walked = new Set();
    let repeats = 0;
    return {
        enter(node) {
            if (onPath.has(node))
                return false;
            if (walked.has(node)) {
                if (++repeats > MAX_WALK_VISITS) {
                    const { line, column } = positionOf(file, node.range?.[0] ?? 0);
                    throw new UserError(`aliases in this file expand to more than ${MAX_WALK_VISITS} nodes`, {
                        file: file.path,
                        line,
                        column,
                        hint: "Replace nested aliases (*name) with the values they stand for; nothing was changed.",
                    });
                }
            }
            else
                walked.add(node);
            onPath.add(node);
            return true;
        },
        leave(node) {
            onPath.delete(node);
        },
    };
}

;// CONCATENATED MODULE: ./src/yaml/index.ts








;// CONCATENATED MODULE: ./src/environments/config.ts






/** Name of the pipeline configuration file at the root of a config repository. */
const CONFIG_FILE = "gitops-pipeline.yaml";
const TOP_LEVEL = ["environments", "promotion", "validate"];
/** The `yaml` package's default bound on alias expansion: ample for sharing a few settings. */
const MAX_ALIAS_EXPANSION = 100;
const ENVIRONMENT_KEYS = [
    "paths",
    "mode",
    "approvals",
    "reviewers",
    "windows",
    "require-status",
    "rollback-approvals",
];
const ENVIRONMENT_NAME = /^[a-z0-9](?:[a-z0-9._-]{0,61}[a-z0-9])?$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\/[A-Za-z0-9._-]+$/;
class Reader {
    file;
    document;
    constructor(file, document) {
        this.file = file;
        this.document = document;
    }
    line(node) {
        return document_positionOf(this.file, node?.range?.[0] ?? 0).line;
    }
    fail(node, message, hint) {
        const { line, column } = document_positionOf(this.file, node?.range?.[0] ?? 0);
        throw new errors_UserError(message, { file: this.file.path, line, column, hint });
    }
    map(entry, what) {
        const node = entry?.value?.node;
        if (!(0,dist/* isMap */.jh)(node))
            this.fail(node ?? entry?.pair.key, `${what} must be a map`);
        return node;
    }
    strings(entry, what, check) {
        const node = entry.value?.node;
        if ((0,dist/* isScalar */.jn)(node) && typeof node.value === "string") {
            check?.(node.value, node);
            return [node.value];
        }
        if (node === undefined || ((0,dist/* isScalar */.jn)(node) && node.value === null))
            return [];
        if (!(0,dist/* isSeq */.oP)(node))
            this.fail(node, `${what} must be a list of strings`);
        return items(this.file, this.document, entry.value).map((item) => {
            if (!(0,dist/* isScalar */.jn)(item.node) || typeof item.node.value !== "string" || item.node.value === "") {
                this.fail(item.node, `${what} must be a list of non-empty strings`);
            }
            check?.(item.node.value, item.node);
            return item.node.value;
        });
    }
    count(entry, what) {
        const node = entry.value?.node;
        const value = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
            this.fail(node ?? entry.pair.key, `${what} must be a whole number ≥ 0`, `For example: ${entry.key}: 1`);
        }
        return value;
    }
    unknownKeys(map, allowed, what) {
        for (const entry of entries(this.file, this.document, { node: map })) {
            if (!allowed.includes(entry.key)) {
                this.fail(entry.pair.key, `unknown key '${entry.key}' in ${what}`, `Known keys: ${allowed.join(", ")}.`);
            }
        }
    }
}
function environment(reader, entry) {
    const where = `environment '${entry.key}'`;
    if (!ENVIRONMENT_NAME.test(entry.key)) {
        reader.fail(entry.pair.key, `environment name '${entry.key}' is not valid`, "Use lowercase letters, digits, '.', '_' and '-' (it becomes part of branch names and labels).");
    }
    const map = reader.map(entry, where);
    reader.unknownKeys(map, ENVIRONMENT_KEYS, where);
    const fields = entries(reader.file, reader.document, { node: map });
    const field = (key) => fields.find((f) => f.key === key);
    const pathsEntry = field("paths");
    if (!pathsEntry)
        reader.fail(entry.pair.key, `${where} has no paths`, "Add paths: [apps/*/overlays/NAME].");
    const paths = reader.strings(pathsEntry, `paths of ${where}`, (value, node) => {
        try {
            repoPath(value);
        }
        catch (error) {
            reader.fail(node, error.message, error.hint);
        }
    });
    if (paths.length === 0)
        reader.fail(pathsEntry.value?.node ?? pathsEntry.pair.key, `paths of ${where} is empty`);
    const modeEntry = field("mode");
    let mode = "pull-request";
    if (modeEntry) {
        const node = modeEntry.value?.node;
        const value = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
        if (value !== "commit" && value !== "pull-request") {
            reader.fail(node ?? modeEntry.pair.key, `mode of ${where} must be 'commit' or 'pull-request'`);
        }
        mode = value;
    }
    const approvalsEntry = field("approvals");
    const rollbackEntry = field("rollback-approvals");
    const reviewersEntry = field("reviewers");
    const windowsEntry = field("windows");
    const statusEntry = field("require-status");
    return {
        name: entry.key,
        paths,
        mode,
        approvals: approvalsEntry ? reader.count(approvalsEntry, `approvals of ${where}`) : 0,
        reviewers: reviewersEntry
            ? reader.strings(reviewersEntry, `reviewers of ${where}`, (value, node) => {
                if (!LOGIN.test(value) && !TEAM.test(value)) {
                    reader.fail(node, `reviewer '${value}' of ${where} is neither a GitHub login nor a team`, "Write a login (alice) or a team as \"@org/team\" (quoted: '@' cannot start a plain YAML value).");
                }
            })
            : [],
        // Kept as written (promotion evaluates them), but checked here so a typo points at its own line.
        windows: windowsEntry
            ? reader.strings(windowsEntry, `windows of ${where}`, (value, node) => {
                parseWindow(value, { file: reader.file.path, ...document_positionOf(reader.file, node.range?.[0] ?? 0) });
            })
            : [],
        requireStatus: statusEntry
            ? reader.strings(statusEntry, `require-status of ${where}`, (value, node) => {
                try {
                    parseRequirement(value);
                }
                catch (error) {
                    if (!errors_isUserError(error))
                        throw error;
                    reader.fail(node, `${error.message} (require-status of ${where})`, error.hint);
                }
            })
            : [],
        ...(rollbackEntry
            ? { rollbackApprovals: reader.count(rollbackEntry, `rollback-approvals of ${where}`) }
            : {}),
        line: reader.line(entry.pair.key),
    };
}
/** Parses and validates `gitops-pipeline.yaml`; every mistake is a UserError at file:line. */
function loadConfig(text, file = CONFIG_FILE) {
    const parsed = document_parseYamlFile(file, text);
    if (parsed.documents.length !== 1) {
        throw new errors_UserError(parsed.documents.length === 0
            ? "the configuration file is empty"
            : "the configuration file has more than one YAML document", { file, line: 1, hint: "Write one document with an `environments:` map." });
    }
    const document = parsed.documents[0];
    const reader = new Reader(parsed, document);
    const root = document.contents;
    if (!(0,dist/* isMap */.jh)(root))
        reader.fail(root ?? undefined, "the configuration must be a map with `environments:`");
    reader.unknownKeys(root, TOP_LEVEL, "the configuration");
    const top = entries(parsed, document, { node: root });
    const environmentsEntry = top.find((entry) => entry.key === "environments");
    if (!environmentsEntry) {
        throw new errors_UserError("the configuration has no `environments:` map", {
            file,
            line: 1,
            hint: "Add environments: { dev: { paths: [apps/*/overlays/dev], mode: commit } }.",
        });
    }
    const environmentsMap = asMap(environmentsEntry.value);
    if (!environmentsMap)
        reader.map(environmentsEntry, "environments");
    const environments = entries(parsed, document, environmentsMap).map((entry) => environment(reader, entry));
    if (environments.length === 0)
        reader.fail(environmentsMap.node, "environments is empty");
    const names = environments.map((env) => env.name);
    let promotion = names;
    const promotionEntry = top.find((entry) => entry.key === "promotion");
    if (promotionEntry) {
        const seen = new Set();
        promotion = reader.strings(promotionEntry, "promotion", (value, node) => {
            if (!names.includes(value)) {
                reader.fail(node, `promotion names '${value}', which is not an environment`, `Environments: ${names.join(", ")}.`);
            }
            if (seen.has(value))
                reader.fail(node, `promotion lists '${value}' twice`);
            seen.add(value);
        });
    }
    const validateEntry = top.find((entry) => entry.key === "validate");
    return {
        file,
        environments,
        promotion,
        ...(validateEntry
            ? {
                validate: plainData(reader, validateEntry),
                validateLine: reader.line(validateEntry.pair.key),
            }
            : {}),
    };
}
/**
 * A section as plain data. Aliases are expanded, up to the parser's own bound: nested aliases ("billion laughs")
 * would otherwise expand exponentially, and the parser stops them with an error that names no file.
 */
function plainData(reader, entry) {
    try {
        return entry.value?.node.toJS(reader.document, { maxAliasCount: MAX_ALIAS_EXPANSION });
    }
    catch (error) {
        if (!(error instanceof ReferenceError))
            throw error;
        reader.fail(entry.pair.key, `the ${entry.key} section uses aliases that expand to too many nodes`, "Write the values out instead of nesting aliases (*name) inside anchored lists or maps.");
    }
}
/** The named environment, or a UserError listing the ones the file defines. */
function findEnvironment(config, name) {
    const found = config.environments.find((env) => env.name === name);
    if (!found) {
        throw new UserError(`environment '${name}' is not defined in ${config.file}`, {
            file: config.file,
            hint: `Defined environments: ${config.environments.map((env) => env.name).join(", ")}.`,
        });
    }
    return found;
}

;// CONCATENATED MODULE: ./src/environments/index.ts


// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(4006);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/validate/config.ts


const ignoreAnnotation = "gitops-pipeline.dev/ignore";
const emptyValidateConfig = {
    ignoreKinds: [],
    skipPaths: [],
    rules: {},
    overrides: [],
};
const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
/** Checks and normalises the raw section; `knownRules` catches typos in rule ids, which would otherwise do nothing. */
function parseValidateConfig(raw, file, knownRules) {
    if (raw === undefined || raw === null)
        return emptyValidateConfig;
    const fail = (what, hint) => {
        throw new errors_UserError(`validate: ${what}`, { file, hint });
    };
    if (!isObject(raw))
        fail("must be a mapping");
    const section = raw;
    const known = [
        "kubernetesVersion",
        "strict",
        "ignoreKinds",
        "skipPaths",
        "production",
        "rules",
        "overrides",
    ];
    for (const key of Object.keys(section)) {
        if (!known.includes(key))
            fail(`unknown key "${key}"`, `known keys: ${known.join(", ")}`);
    }
    const strings = (value, what) => {
        if (value === undefined)
            return [];
        if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
            return fail(`${what} must be a list of strings`);
        return value;
    };
    const settings = (value, what) => {
        if (value === undefined)
            return {};
        if (!isObject(value))
            return fail(`${what} must map rule ids to off, warning or error`);
        const out = {};
        for (const [id, setting] of Object.entries(value)) {
            if (!knownRules.includes(id))
                fail(`${what}: unknown rule "${id}"`, `rules: ${knownRules.join(", ")}`);
            // YAML 1.1 readers turn a bare `off` into false; accept both spellings.
            const normal = setting === false ? "off" : setting;
            if (normal !== "off" && normal !== "warning" && normal !== "error") {
                fail(`${what}.${id} must be off, warning or error, got ${JSON.stringify(setting)}`);
            }
            out[id] = normal;
        }
        return out;
    };
    const version = section.kubernetesVersion;
    if (version !== undefined && typeof version !== "string" && typeof version !== "number") {
        fail('kubernetesVersion must be a string such as "1.31"');
    }
    if (section.strict !== undefined && typeof section.strict !== "boolean")
        fail("strict must be true or false");
    const overrides = section.overrides === undefined ? [] : section.overrides;
    if (!Array.isArray(overrides))
        fail("overrides must be a list of {paths, rules}");
    return {
        kubernetesVersion: version === undefined ? undefined : String(version),
        strict: section.strict,
        ignoreKinds: strings(section.ignoreKinds, "ignoreKinds"),
        skipPaths: strings(section.skipPaths, "skipPaths"),
        ...(section.production === undefined ? {} : { production: strings(section.production, "production") }),
        rules: settings(section.rules, "rules"),
        overrides: overrides.map((entry, i) => {
            if (!isObject(entry))
                return fail(`overrides[${i}] must be a mapping with paths and rules`);
            return {
                paths: strings(entry.paths, `overrides[${i}].paths`),
                rules: settings(entry.rules, `overrides[${i}].rules`),
            };
        }),
    };
}
/** Answers "what severity does rule R have for file F", with globs compiled once. */
class RuleSettings {
    config;
    defaults;
    overrides;
    skip;
    constructor(config, defaults) {
        this.config = config;
        this.defaults = defaults;
        this.overrides = config.overrides.map((o) => ({
            match: picomatch_default()(o.paths, { dot: true }),
            rules: o.rules,
        }));
        this.skip = config.skipPaths.length ? picomatch_default()(config.skipPaths, { dot: true }) : () => false;
    }
    skipped(file) {
        return this.skip(file);
    }
    severity(rule, file) {
        let setting = this.config.rules[rule] ?? this.defaults.get(rule) ?? "error";
        for (const override of this.overrides) {
            if (override.rules[rule] !== undefined && override.match(file))
                setting = override.rules[rule];
        }
        return setting;
    }
    ignoresKind(apiVersion, kind) {
        return this.config.ignoreKinds.some((k) => k === kind || k === `${apiVersion}/${kind}`);
    }
}
/** Rule ids a resource opts out of through its annotation. */
function ignoredByAnnotation(object) {
    const metadata = object.metadata;
    if (!isObject(metadata) || !isObject(metadata.annotations))
        return undefined;
    const value = metadata.annotations[ignoreAnnotation];
    if (typeof value !== "string")
        return undefined;
    return new Set(value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean));
}

;// CONCATENATED MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (TRUE_VALUES.indexOf(source) !== -1) return true;
		if (FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
	const result = {};
	for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
	return result;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
var JSON_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
var HEX = "0123456789ABCDEF";
function percentByte(byte) {
	return "%" + HEX[byte >> 4] + HEX[byte & 15];
}
function tagPercentEncode(source, isSuffix) {
	const allowed = isSuffix ? TAG_SUFFIX_CHARS : TAG_URI_CHARS;
	let result = "";
	for (let index = 0; index < source.length; index++) {
		let ch = source.charCodeAt(index);
		if (ch >= 48 && ch <= 57 || ch >= 65 && ch <= 90 || ch >= 97 && ch <= 122 || allowed.includes(source[index])) {
			result += source[index];
			continue;
		}
		if (ch >= 55296 && ch <= 56319) ch = 65536 + ((ch & 1023) << 10) + (source.charCodeAt(++index) & 1023);
		if (ch < 128) result += percentByte(ch);
		else if (ch < 2048) result += percentByte(192 | ch >> 6) + percentByte(128 | ch & 63);
		else if (ch < 65536) result += percentByte(224 | ch >> 12) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
		else result += percentByte(240 | ch >> 18) + percentByte(128 | ch >> 12 & 63) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
	}
	return result;
}
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
function tagNameShort(fullTag) {
	let tag = fullTag;
	if (tag.charCodeAt(0) === 33) {
		tag = tag.slice(1);
		return `!${tagPercentEncode(tag, true)}`;
	}
	if (tag.slice(0, 18) === "tag:yaml.org,2002:") return `!!${tagPercentEncode(tag.slice(18), true)}`;
	return `!<${tagPercentEncode(tag, false)}>`;
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof YAMLException) throw error;
		YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function constructFromEvents(events, options) {
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
	state.events.push({
		type: EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent(state, anchorStart, anchorEnd) {
	state.events.push({
		type: EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent(state) {
	state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
	addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
	return {
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1
	};
}
function snapshotState(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
	YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace(c) {
	return c === 9 || c === 32;
}
function isWsOrEol(c) {
	return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
	return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol(following);
	}
	return false;
}
function skipByteOrderMark(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState(state);
	skipByteOrderMark(state);
	skipSeparationSpace(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
	restoreState(state, snapshot);
	return result;
}
function skipUntilLineEnd(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
	const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError(state, "the stream contains non-printable characters");
	}
}
function readTagProperty(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	addAliasEvent(state, start, state.position);
	return true;
}
function readFlowScalarBreak(state, nodeIndent) {
	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
			else if (isSimpleEscape(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen(escaped);
				if (hexLength === 0) throwError(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd(state);
		valueEnd = state.position;
		if (isEol(state.input.charCodeAt(state.position))) {
			consumeLineBreak(state);
			valueEnd = state.position;
		}
	}
	checkPrintable(state, valueStart, valueEnd);
	addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
	}
	return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable(state, start, end);
	addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent(state);
			return true;
		} else if (!readNext) throwError(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState(state);
		const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
		skipFlowSeparationSpace(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent(state);
			} else if (!keyWasRead) addEmptyScalarEvent(state);
			if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) addPopEvent(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
		} else if (isMapping) addEmptyScalarEvent(state);
		else if (isPair) {
			insertFlowPairMappingEvent(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
			addPopEvent(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
		else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
		skipSeparationSpace(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
	}
	addPopEvent(state);
	return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
			if (!mappingOpened) {
				addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState(state);
			if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
						restoreState(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
					restoreState(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent(state);
	if (mappingOpened) addPopEvent(state);
	return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
		if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState(state, propertyStart);
					if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
					else restoreState(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
		addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace(state, true);
	while (readDirective(state)) {
		hasDirectives = true;
		skipSeparationSpace(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
		state.position += 3;
		skipSeparationSpace(state, true);
		return;
	}
	addDocumentEvent(state, explicitStart, false);
	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.position === state.lineStart && testDocumentSeparator(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace(state, true);
			if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function parseEvents(input, options) {
	const length = input.length;
	const state = {
		...DEFAULT_PARSER_OPTIONS,
		...options,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark(state);
		skipSeparationSpace(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/load.ts
var DEFAULT_LOAD_OPTIONS = {
	...DEFAULT_PARSER_OPTIONS,
	...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
	const opts = {
		...DEFAULT_LOAD_OPTIONS,
		...options
	};
	const source = String(input);
	const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
	const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
	return constructFromEvents(parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
		...pick(opts, CONSTRUCTOR_OPT_KEYS),
		source
	});
}
function loadAll(input, iteratorOrOptions, options) {
	let iterator = null;
	if (typeof iteratorOrOptions === "function") iterator = iteratorOrOptions;
	else if (iteratorOrOptions !== null && typeof iteratorOrOptions === "object") options = iteratorOrOptions;
	const documents = loadDocuments(input, options);
	if (iterator === null) return documents;
	for (const document of documents) iterator(document);
}
/**
* Parses `string` as a single YAML document. Throws {@link YAMLException} on
* error. This function does not understand multi-document or empty sources; it
* throws an exception on those.
*
* > [!NOTE]
* > 1. When processing untrusted input, see the
* >    [security considerations](../docs/safety.md).
* > 2. All exceptions MUST be caught, not just {@link YAMLException}.
* > 3. The default {@link CORE_SCHEMA} comes without the `!!merge` tag. You can
* >    easily enable it if needed.
* > 4. The default {@link mapTag} is `{}`-object based, with known limitations
* >    (see description). For full compatibility use {@link realMapTag}
* >    instead (it uses native JS `Map`).
*
* @example
* Enable {@link mergeTag} and {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag, realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Main
*/
function load(input, options) {
	const documents = loadDocuments(input, options);
	if (documents.length === 0) throw new YAMLException("expected a document, but the input is empty");
	if (documents.length === 1) return documents[0];
	throw new YAMLException("expected a single document in the stream, but found more");
}
//#endregion
//#region src/ast/from_js.ts
var INVALID = Symbol("INVALID");
function buildRepresentTypes(schema) {
	const defaultTags = new Set([
		schema.defaultScalarTag,
		schema.defaultSequenceTag,
		schema.defaultMappingTag
	].filter((t) => t !== void 0));
	const implicitScalars = schema.implicitScalarTags;
	const explicitTags = schema.tags.filter((t) => !(t.nodeKind === "scalar" && t.implicit) && !defaultTags.has(t));
	const defaultTagsLast = schema.tags.filter((t) => defaultTags.has(t));
	return [
		...implicitScalars.map((tag) => ({
			tag,
			implicitTag: true
		})),
		...explicitTags.map((tag) => ({
			tag,
			implicitTag: false
		})),
		...defaultTagsLast.map((tag) => ({
			tag,
			implicitTag: true
		}))
	];
}
function matchTag(state, object) {
	for (let index = 0, length = state.representTypes.length; index < length; index += 1) {
		const { tag, implicitTag } = state.representTypes[index];
		if (tag.identify(object)) {
			let tagName;
			if (tag.matchByTagPrefix) tagName = tag.representTagName(object);
			else tagName = tag.tagName;
			return {
				tag,
				tagName,
				implicitTag
			};
		}
	}
	return null;
}
function build(state, object) {
	if (!state.noRefs && object !== null && typeof object === "object") {
		const existing = state.refs.get(object);
		if (existing) {
			if (existing.anchor === void 0) existing.anchor = `ref_${state.refCounter++}`;
			return {
				kind: "alias",
				anchor: existing.anchor
			};
		}
	}
	const matched = matchTag(state, object);
	if (!matched) {
		if (object === void 0) return INVALID;
		if (state.skipInvalid) return INVALID;
		throw new YAMLException(`unacceptable kind of an object to dump ${Object.prototype.toString.call(object)}`);
	}
	const { tag, tagName, implicitTag } = matched;
	const nodeTagName = implicitTag ? tagName : tagNameShort(tagName);
	if (tag.nodeKind === "scalar") return {
		kind: "scalar",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: SCALAR_STYLE.PLAIN,
		value: tag.represent(object)
	};
	if (tag.nodeKind === "sequence") {
		const container = tag.represent(object);
		const node = {
			kind: "sequence",
			tag: nodeTagName,
			tagged: !implicitTag,
			style: COLLECTION_STYLE.BLOCK,
			items: []
		};
		if (!state.noRefs) state.refs.set(object, node);
		for (let index = 0, length = container.length; index < length; index += 1) {
			let item = build(state, container[index]);
			if (item === INVALID && container[index] === void 0) item = build(state, null);
			if (item === INVALID) continue;
			node.items.push(item);
		}
		return node;
	}
	const map = tag.represent(object);
	const node = {
		kind: "mapping",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: COLLECTION_STYLE.BLOCK,
		items: []
	};
	if (!state.noRefs) state.refs.set(object, node);
	for (const [objectKey, objectValue] of map) {
		const key = build(state, objectKey);
		if (key === INVALID) continue;
		const value = build(state, objectValue);
		if (value === INVALID) continue;
		node.items.push({
			key,
			value
		});
	}
	return node;
}
/**
* Convert JS object to AST. A JS value is one YAML document. An unrepresentable
* root becomes an empty document, which the presenter renders as an empty
* string.
*
* @category AST
*/
function jsToAst(input, schema, options = {}) {
	const root = build({
		representTypes: buildRepresentTypes(schema),
		noRefs: options.noRefs ?? false,
		skipInvalid: options.skipInvalid ?? false,
		refs: /* @__PURE__ */ new Map(),
		refCounter: 0
	}, input);
	return [{
		contents: root === INVALID ? null : root,
		directives: []
	}];
}
//#endregion
//#region src/ast/visit.ts
/**
* Return from a visitor to stop the whole traversal.
*
* @category AST
*/
var VISIT_BREAK = Symbol("visit:break");
/**
* Return from a visitor to skip the current node's children.
*
* @category AST
*/
var VISIT_SKIP = Symbol("visit:skip");
function visitNode(node, visitor, ctx) {
	const control = visitor(node, ctx);
	if (control === VISIT_BREAK) return true;
	if (control === VISIT_SKIP) return false;
	const depth = ctx.depth + 1;
	switch (node.kind) {
		case "sequence":
			for (const item of node.items) if (visitNode(item, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
			break;
		case "mapping": for (const { key, value } of node.items) {
			if (visitNode(key, visitor, {
				depth,
				parent: node,
				isKey: true
			})) return true;
			if (visitNode(value, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
		}
	}
	return false;
}
/**
* Walk every node in the documents, calling {@link Visitor} once per
* node (pre-order).
*
* @category AST
*/
function js_yaml_visit(documents, visitor) {
	for (const doc of documents) if (doc.contents && visitNode(doc.contents, visitor, {
		depth: 0,
		parent: null,
		isKey: false
	})) return;
}
//#endregion
//#region src/ast/styler_defaults.ts
function hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
	return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
	layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
//#endregion
//#region src/ast/scalar_styler.ts
function setBit(mask, bit) {
	return mask | 1 << bit;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var C_FORBIDDEN_FIRST_LINE = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/;
var C_FORBIDDEN_CONTENT = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/m;
function canUsePlain(layout) {
	const str = layout.node.value;
	if (str !== "") {
		if (!(layout.isKey ? layout.flowOnly ? NS_PLAIN_FLOW_KEY : NS_PLAIN_BLOCK_KEY : layout.flowOnly ? NS_PLAIN_FLOW_IN : NS_PLAIN_FLOW_OUT).test(str)) return false;
		if (layout.shiftOfFirstLine === 0 && C_FORBIDDEN_FIRST_LINE.test(str)) return false;
		if (layout.shiftOfContent === 0) {
			const firstLineBreak = str.indexOf("\n");
			if (firstLineBreak !== -1) {
				const content = str.slice(firstLineBreak + 1);
				if (C_FORBIDDEN_CONTENT.test(content)) return false;
			}
		}
	}
	const resolvedTag = layout.presenterOptions.schema.resolveImplicitScalarTag(str).tag.tagName;
	if (!layout.node.tagged && resolvedTag !== layout.node.tag) return false;
	if (!layout.node.tagged && str === "=" && resolvedTag === layout.presenterOptions.schema.defaultScalarTag.tagName) return false;
	return true;
}
function canUseSingleQuoted(layout) {
	const str = layout.node.value;
	if (!(layout.isKey ? NB_SINGLE_ONE_LINE : NB_SINGLE_MULTI_LINE).test(str)) return false;
	if (/[ \t]\n|\n[ \t]/.test(str)) return false;
	if (!layout.isKey && layout.shiftOfContent === 0) {
		const firstLineBreak = str.indexOf("\n");
		if (firstLineBreak !== -1 && C_FORBIDDEN_CONTENT.test(str.slice(firstLineBreak + 1))) return false;
	}
	return true;
}
function canUseBlock(layout) {
	if (layout.flowOnly || !BLOCK_SCALAR_CONTENT.test(layout.node.value)) return false;
	const contentIndent = layout.shiftOfContent - layout.shiftOfParent;
	if (contentIndent < 1) return false;
	if (contentIndent > 9 && /^\n* /.test(layout.node.value)) return false;
	if (layout.shiftOfContent === 0 && C_FORBIDDEN_CONTENT.test(layout.node.value)) return false;
	return true;
}
function detectAllowedStyles(layout) {
	let mask = setBit(0, SCALAR_STYLE.DOUBLE_QUOTED);
	if (canUsePlain(layout)) mask = setBit(mask, SCALAR_STYLE.PLAIN);
	if (canUseSingleQuoted(layout)) mask = setBit(mask, SCALAR_STYLE.SINGLE_QUOTED);
	if (canUseBlock(layout)) mask = setBit(setBit(mask, SCALAR_STYLE.LITERAL_BLOCK), SCALAR_STYLE.FOLDED_BLOCK);
	layout.allowedStylesMask = mask;
}
function renderScalar(layout) {
	switch (layout.style) {
		case SCALAR_STYLE.PLAIN: return renderPlain(layout);
		case SCALAR_STYLE.SINGLE_QUOTED: return renderSingleQuoted(layout);
		case SCALAR_STYLE.LITERAL_BLOCK: return renderLiteralBlock(layout);
		case SCALAR_STYLE.FOLDED_BLOCK: return renderFoldedBlock(layout);
		case SCALAR_STYLE.DOUBLE_QUOTED: return renderDoubleQuoted(layout);
	}
}
function renderPlain(layout) {
	return encodeFlowBreaks(layout.node.value, layout.shiftOfContent);
}
function renderSingleQuoted(layout) {
	return `'${encodeFlowBreaks(layout.node.value, layout.shiftOfContent).replace(/'/g, "''")}'`;
}
function renderLiteralBlock(layout) {
	const value = layout.node.value;
	return "|" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(value, layout.shiftOfContent));
}
function renderFoldedBlock(layout) {
	const value = layout.node.value;
	const w = layout.presenterOptions.lineWidth;
	let availableWidth = Infinity;
	if (w !== -1) availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	return ">" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(foldBlockScalar(value, availableWidth), layout.shiftOfContent));
}
function renderDoubleQuoted(layout) {
	return `"${escapeString(layout.node.value)}"`;
}
function encodeFlowBreaks(string, shiftOfContent) {
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) return string;
	const pad = " ".repeat(shiftOfContent);
	let result = string.slice(0, nextLF);
	const lineRe = /(\n+)([^\n]*)/g;
	lineRe.lastIndex = nextLF;
	let match;
	while (match = lineRe.exec(string)) {
		const breaks = match[1].length;
		const line = match[2];
		result += "\n".repeat(breaks + 1) + pad + line;
	}
	return result;
}
function indentString(string, spaces) {
	const indent = " ".repeat(spaces);
	let position = 0;
	let result = "";
	const length = string.length;
	while (position < length) {
		let line;
		const next = string.indexOf("\n", position);
		if (next === -1) {
			line = string.slice(position);
			position = length;
		} else {
			line = string.slice(position, next + 1);
			position = next + 1;
		}
		if (line.length && line !== "\n") result += indent;
		result += line;
	}
	return result;
}
function needIndentIndicator(string) {
	return /^\n* /.test(string);
}
function blockHeader(string, shiftOfParent, shiftOfContent) {
	const indentIndicator = needIndentIndicator(string) ? String(shiftOfContent - shiftOfParent) : "";
	const clip = string[string.length - 1] === "\n";
	return `${indentIndicator}${clip && (string[string.length - 2] === "\n" || string === "\n") ? "+" : clip ? "" : "-"}\n`;
}
function dropEndingNewline(string) {
	return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
}
function isMoreIndented(char) {
	return char === " " || char === "	";
}
function foldLine(line, width) {
	if (line === "" || isMoreIndented(line[0])) return line;
	const breakRe = / [^ \t]/g;
	let match;
	let start = 0;
	let end;
	let curr = 0;
	let next = 0;
	let result = "";
	while (match = breakRe.exec(line)) {
		next = match.index;
		if (next - start > width) {
			end = curr > start ? curr : next;
			result += `\n${line.slice(start, end)}`;
			start = end + 1;
		}
		curr = next;
	}
	result += "\n";
	if (line.length - start > width && curr > start) result += `${line.slice(start, curr)}\n${line.slice(curr + 1)}`;
	else result += line.slice(start);
	return result.slice(1);
}
function foldBlockScalar(string, width) {
	const lineRe = /(\n+)([^\n]*)/g;
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) nextLF = string.length;
	lineRe.lastIndex = nextLF;
	let result = foldLine(string.slice(0, nextLF), width);
	let prevMoreIndented = string[0] === "\n" || isMoreIndented(string[0]);
	let moreIndented;
	let match;
	while (match = lineRe.exec(string)) {
		const prefix = match[1];
		const line = match[2];
		moreIndented = line !== "" && isMoreIndented(line[0]);
		result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
		prevMoreIndented = moreIndented;
	}
	return result;
}
var CHARACTERS_TO_ESCAPE = /["\\\x00-\x1F\x7F-\xA0\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/gu;
function escapeCharacter(character) {
	switch (character) {
		case "\0": return "\\0";
		case "\x07": return "\\a";
		case "\b": return "\\b";
		case "	": return "\\t";
		case "\n": return "\\n";
		case "\v": return "\\v";
		case "\f": return "\\f";
		case "\r": return "\\r";
		case "\x1B": return "\\e";
		case "\"": return "\\\"";
		case "\\": return "\\\\";
		case "": return "\\N";
		case "\xA0": return "\\_";
		case "\u2028": return "\\L";
		case "\u2029": return "\\P";
	}
	const code = character.charCodeAt(0);
	const hex = code.toString(16).toUpperCase();
	if (code <= 255) return `\\x${"0".repeat(2 - hex.length)}${hex}`;
	return `\\u${"0".repeat(4 - hex.length)}${hex}`;
}
function escapeString(string) {
	return string.replace(CHARACTERS_TO_ESCAPE, escapeCharacter);
}
//#endregion
//#region src/ast/presenter.ts
var CHAR_LINE_FEED = 10;
var DEFAULT_PRESENTER_OPTIONS = {
	indent: 2,
	seqNoIndent: false,
	seqInlineFirst: true,
	lineWidth: 80,
	flowBracketPadding: false,
	flowSkipCommaSpace: false,
	flowSkipColonSpace: false,
	quoteFlowKeys: false,
	quoteStyle: "single",
	forceQuotes: false,
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
	tagBeforeAnchor: false
};
function nodeTagShort(node) {
	return node.tagged ? node.tag : tagNameShort(node.tag);
}
function createPresenterState(options) {
	const opts = {
		...DEFAULT_PRESENTER_OPTIONS,
		...options
	};
	if (opts.flowSkipColonSpace) opts.quoteFlowKeys = true;
	return {
		...opts,
		defaultScalarTagName: opts.schema.defaultScalarTag.tagName,
		openEnded: false
	};
}
function generateNextLine(state, level) {
	return `\n${" ".repeat(state.indent * level)}`;
}
function scalarLayout(state, node, parent, level, isKey, flowOnly) {
	return {
		node,
		parent,
		level,
		isKey,
		flowOnly,
		shiftOfParent: level === 0 ? -1 : state.indent * (level - 1),
		shiftOfContent: state.indent * Math.max(1, level),
		shiftOfFirstLine: level === 0 ? 0 : state.indent * level,
		presenterOptions: state,
		allowedStylesMask: 0,
		style: node.style
	};
}
function writeFlowSequence(state, level, node) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level, node.items[index], node, {}).text;
		if (index > 0) result += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		result += item;
	}
	const pad = state.flowBracketPadding && node.items.length > 0 ? " " : "";
	return `[${pad}${result}${pad}]`;
}
function writeBlockSequence(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level + 1, node.items[index], node, {
			block: true,
			compact: state.seqInlineFirst,
			isblockseq: true
		}).text;
		if (!compact || result !== "") result += generateNextLine(state, level);
		if (item === "" || CHAR_LINE_FEED === item.charCodeAt(0)) result += "-";
		else result += "- ";
		result += item;
	}
	return result;
}
function writeFlowMapping(state, level, node) {
	let result = "";
	for (const { key, value } of node.items) {
		let pairBuffer = "";
		if (result !== "") pairBuffer += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		const keyRender = writeNode(state, level, key, node, { iskey: true });
		const keyText = keyRender.text;
		const valueText = writeNode(state, level, value, node, {}).text;
		const sep = state.flowSkipColonSpace || valueText === "" ? "" : " ";
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = key.kind === "alias" || keyIsBareProps ? " " : "";
		pairBuffer += `${keyText}${keyColonSep}:${sep}${valueText}`;
		result += pairBuffer;
	}
	const pad = state.flowBracketPadding && result !== "" ? " " : "";
	return `{${pad}${result}${pad}}`;
}
function writeBlockMapping(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		let pairBuffer = "";
		if (!compact || result !== "") pairBuffer += generateNextLine(state, level);
		const { key, value } = node.items[index];
		const keyIsBlock = (key.kind === "mapping" || key.kind === "sequence") && key.style === COLLECTION_STYLE.BLOCK && key.items.length !== 0 || key.kind === "scalar" && (key.style === SCALAR_STYLE.LITERAL_BLOCK || key.style === SCALAR_STYLE.FOLDED_BLOCK);
		const keyRender = keyIsBlock ? writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			isblockseq: !cannotBeCompact(state, key, level + 1)
		}) : writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			iskey: true
		});
		const keyText = keyRender.text;
		const keyHasLineBreak = key.kind === "scalar" && key.value.indexOf("\n") !== -1;
		const keyIsTooLong = keyText.length > 1024 && /^[\s\S]{1025}/u.test(keyText);
		const explicitPair = keyIsBlock || keyHasLineBreak || keyIsTooLong;
		if (explicitPair) {
			if (keyText && CHAR_LINE_FEED === keyText.charCodeAt(0)) pairBuffer += "?";
			else pairBuffer += "? ";
		}
		pairBuffer += keyText;
		if (explicitPair) pairBuffer += generateNextLine(state, level);
		const valueText = writeNode(state, level + 1, value, node, {
			block: true,
			compact: explicitPair,
			isblockseq: explicitPair && !cannotBeCompact(state, value, level + 1)
		}).text;
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = !explicitPair && (key.kind === "alias" || keyIsBareProps) ? " " : "";
		if (valueText === "" || CHAR_LINE_FEED === valueText.charCodeAt(0)) pairBuffer += `${keyColonSep}:`;
		else pairBuffer += `${keyColonSep}: `;
		pairBuffer += valueText;
		result += pairBuffer;
	}
	return result;
}
function cannotBeCompact(state, node, level) {
	if (node.kind === "alias") return true;
	return node.tagged || node.anchor !== void 0 || state.indent < 2 && level > 0;
}
function writeNode(state, level, node, parent, ctx) {
	if (node.kind === "alias") {
		state.openEnded = false;
		return {
			text: `*${node.anchor}`,
			noBody: false
		};
	}
	const { block = false, iskey = false, isblockseq = false } = ctx;
	let compact = ctx.compact ?? false;
	const hasAnchor = node.anchor !== void 0;
	if (cannotBeCompact(state, node, level)) compact = false;
	let body;
	let shouldPrintTag = node.tagged;
	const useBlockCollection = block && (node.kind === "mapping" || node.kind === "sequence") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0;
	if (node.kind === "mapping") {
		if (useBlockCollection) body = writeBlockMapping(state, level, node, compact);
		else body = writeFlowMapping(state, level, node);
	} else if (node.kind === "sequence") {
		if (useBlockCollection) {
			if (state.seqNoIndent && !isblockseq && level > 0) body = writeBlockSequence(state, level - 1, node, compact);
			else body = writeBlockSequence(state, level, node, compact);
		} else body = writeFlowSequence(state, level, node);
	} else {
		const layout = scalarLayout(state, node, parent, level, iskey, !block);
		detectAllowedStyles(layout);
		for (const rule of state.scalarStyleRules) rule(layout);
		body = renderScalar(layout);
		state.openEnded = (layout.style === SCALAR_STYLE.LITERAL_BLOCK || layout.style === SCALAR_STYLE.FOLDED_BLOCK) && (node.value === "\n" || node.value.endsWith("\n\n"));
		shouldPrintTag = node.tagged || body === "" && layout.flowOnly && parent?.kind === "sequence" && !hasAnchor || layout.style !== SCALAR_STYLE.PLAIN && node.tag !== state.defaultScalarTagName;
	}
	if ((node.kind === "mapping" || node.kind === "sequence") && !useBlockCollection) state.openEnded = false;
	if (useBlockCollection && compact && level > 0 && state.indent > 2) body = `${" ".repeat(state.indent - 2)}${body}`;
	const noBody = body === "";
	let text = body;
	if (shouldPrintTag || hasAnchor) {
		const props = [];
		const tag = shouldPrintTag ? nodeTagShort(node) : null;
		const anchor = hasAnchor ? `&${node.anchor}` : null;
		if (state.tagBeforeAnchor) {
			if (tag !== null) props.push(tag);
			if (anchor !== null) props.push(anchor);
		} else {
			if (anchor !== null) props.push(anchor);
			if (tag !== null) props.push(tag);
		}
		const sep = body === "" || body.charCodeAt(0) === CHAR_LINE_FEED ? "" : " ";
		text = `${props.join(" ")}${sep}${body}`;
	}
	return {
		text,
		noBody
	};
}
function rootStartsOwnLine(node) {
	return (node.kind === "sequence" || node.kind === "mapping") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0 && !node.tagged && node.anchor === void 0;
}
function writeDocumentDirectives(doc) {
	let result = "";
	for (const directive of doc.directives) {
		if (directive.kind === "yaml") {
			result += `%YAML ${directive.version}\n`;
			continue;
		}
		const { handle, prefix } = directive;
		result += `%TAG ${handle} ${prefix}\n`;
	}
	return result;
}
/**
* Build YAML from AST.
*
* @category AST
*/
function present(documents, options) {
	const state = createPresenterState(options);
	let result = "";
	let previousEnded = false;
	for (let index = 0; index < documents.length; index += 1) {
		const doc = documents[index];
		state.openEnded = false;
		const directives = writeDocumentDirectives(doc);
		const hasDirectives = directives !== "";
		const marker = doc.explicitStart || hasDirectives || index > 0 && !previousEnded;
		result += directives;
		if (doc.contents === null) {
			if (marker) result += "---\n";
		} else if (marker) {
			const body = writeNode(state, 0, doc.contents, null, {
				block: true,
				compact: true
			}).text;
			const sep = body === "" ? "" : hasDirectives || rootStartsOwnLine(doc.contents) ? "\n" : " ";
			result += `---${sep}${body}\n`;
		} else result += writeNode(state, 0, doc.contents, null, {
			block: true,
			compact: true
		}).text + "\n";
		previousEnded = doc.explicitEnd || state.openEnded;
		if (previousEnded) result += "...\n";
	}
	return result;
}
//#endregion
//#region src/dump.ts
var DEFAULT_DUMP_OPTIONS = {
	...DEFAULT_PRESENTER_OPTIONS,
	schema: DUMP_SCHEMA,
	skipInvalid: false,
	noRefs: false,
	flowLevel: -1,
	sortKeys: false,
	transform: () => {}
};
function defaultCompareFn(a, b) {
	const x = String(a);
	const y = String(b);
	if (x < y) return -1;
	if (x > y) return 1;
	return 0;
}
/**
* Serializes JS object as a YAML document. By default it can dump every
* supported YAML type, so it throws an exception if you try to dump regexps or
* functions. However, you can disable exceptions by setting the
* {@link DumpOptions.skipInvalid} option to `true`.
*
* @category Main
*/
function dump(input, options = {}) {
	const opts = {
		...DEFAULT_DUMP_OPTIONS,
		...options
	};
	const documents = jsToAst(input, opts.schema, {
		noRefs: opts.noRefs,
		skipInvalid: opts.skipInvalid
	});
	if (opts.flowLevel >= 0) js_yaml_visit(documents, (node, ctx) => {
		if (ctx.depth < opts.flowLevel) return;
		if (node.kind === "sequence" || node.kind === "mapping") node.style = COLLECTION_STYLE.FLOW;
		return VISIT_SKIP;
	});
	if (opts.sortKeys) {
		const compareFn = opts.sortKeys === true ? defaultCompareFn : opts.sortKeys;
		js_yaml_visit(documents, (node) => {
			if (node.kind !== "mapping") return;
			node.items.sort((a, b) => compareFn(a.key.kind === "scalar" ? a.key.value : "", b.key.kind === "scalar" ? b.key.value : ""));
		});
	}
	opts.transform(documents);
	return present(documents, {
		...pick(opts, Object.keys(DEFAULT_PRESENTER_OPTIONS)),
		schema: opts.schema
	});
}
//#endregion
//#region src/ast/from_events.ts
var NO_RANGE = (/* unused pure expression or super */ null && (-1));
function eventPosition(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function rawTag(state, event) {
	return event.tagStart === NO_RANGE ? "" : state.source.slice(event.tagStart, event.tagEnd);
}
function anchorName(state, event) {
	return event.anchorStart === NO_RANGE ? void 0 : state.source.slice(event.anchorStart, event.anchorEnd);
}
function buildScalar(state, event) {
	const value = getScalarValue(state.source, event);
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw !== "") {
		tagged = true;
		tag = raw;
	} else if (event.style === SCALAR_STYLE.PLAIN) tag = state.schema.resolveImplicitScalarTag(value).tag.tagName;
	else tag = state.schema.defaultScalarTag.tagName;
	return {
		kind: "scalar",
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event),
		value
	};
}
function buildCollection(state, event, defaultTagName) {
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw === "") tag = defaultTagName;
	else {
		tag = raw;
		tagged = true;
	}
	return {
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event)
	};
}
function addNode(state, node) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") frame.doc.contents = node;
	else if (frame.kind === "sequence") frame.node.items.push(node);
	else if (frame.key) {
		frame.node.items.push({
			key: frame.key,
			value: node
		});
		frame.key = null;
	} else frame.key = node;
}
/**
* Builds an AST from parser events
*
* @category AST
*/
function eventsToAst(events, options) {
	const state = {
		source: options.source,
		schema: options.schema,
		eventIndex: 0,
		position: 0,
		frames: [],
		documents: []
	};
	while (state.eventIndex < events.length) {
		const event = events[state.eventIndex++];
		state.position = eventPosition(event);
		switch (event.type) {
			case EVENT_ID.DOCUMENT: {
				const doc = {
					contents: null,
					explicitStart: event.explicitStart,
					explicitEnd: event.explicitEnd,
					directives: event.directives
				};
				state.frames.push({
					kind: "document",
					doc
				});
				break;
			}
			case EVENT_ID.SCALAR:
				addNode(state, buildScalar(state, event));
				break;
			case EVENT_ID.SEQUENCE: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:seq");
				const node = {
					kind: "sequence",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "sequence",
					node
				});
				break;
			}
			case EVENT_ID.MAPPING: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:map");
				const node = {
					kind: "mapping",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "mapping",
					node,
					key: null
				});
				break;
			}
			case EVENT_ID.ALIAS:
				addNode(state, {
					kind: "alias",
					anchor: state.source.slice(event.anchorStart, event.anchorEnd)
				});
				break;
			case EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.key) throw new Error("incomplete mapping pair in event stream");
				if (frame.kind === "document") state.documents.push(frame.doc);
				else addNode(state, frame.node);
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/index.ts
/** @deprecated Use `EVENT_ID.DOCUMENT` instead. @internal */
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
/** @deprecated Use `EVENT_ID.SEQUENCE` instead. @internal */
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
/** @deprecated Use `EVENT_ID.MAPPING` instead. @internal */
var EVENT_MAPPING = EVENT_ID.MAPPING;
/** @deprecated Use `EVENT_ID.SCALAR` instead. @internal */
var EVENT_SCALAR = EVENT_ID.SCALAR;
/** @deprecated Use `EVENT_ID.ALIAS` instead. @internal */
var EVENT_ALIAS = EVENT_ID.ALIAS;
/** @deprecated Use `EVENT_ID.POP` instead. @internal */
var EVENT_POP = EVENT_ID.POP;
/** @deprecated Use `SCALAR_STYLE.PLAIN` instead. @internal */
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
/** @deprecated Use `SCALAR_STYLE.SINGLE_QUOTED` instead. @internal */
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.DOUBLE_QUOTED` instead. @internal */
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.LITERAL_BLOCK` instead. @internal */
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
/** @deprecated Use `SCALAR_STYLE.FOLDED_BLOCK` instead. @internal */
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
/** @deprecated Use `COLLECTION_STYLE.BLOCK` instead. @internal */
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
/** @deprecated Use `COLLECTION_STYLE.FLOW` instead. @internal */
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
/** @deprecated Use `CHOMPING_MODE.CLIP` instead. @internal */
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
/** @deprecated Use `CHOMPING_MODE.STRIP` instead. @internal */
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
/** @deprecated Use `CHOMPING_MODE.KEEP` instead. @internal */
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;
//#endregion


//# sourceMappingURL=js-yaml.mjs.map
;// CONCATENATED MODULE: ./src/validate/apis.ts
const workloads = ["Deployment", "DaemonSet", "ReplicaSet", "StatefulSet"];
const rbac = ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"];
const flowControl = ["FlowSchema", "PriorityLevelConfiguration"];
const changes = [
    {
        apiVersion: "extensions/v1beta1",
        kinds: workloads,
        deprecated: "1.9",
        removed: "1.16",
        replacement: "apps/v1",
    },
    {
        apiVersion: "apps/v1beta1",
        kinds: workloads,
        deprecated: "1.9",
        removed: "1.16",
        replacement: "apps/v1",
    },
    {
        apiVersion: "apps/v1beta2",
        kinds: workloads,
        deprecated: "1.9",
        removed: "1.16",
        replacement: "apps/v1",
    },
    {
        apiVersion: "extensions/v1beta1",
        kinds: ["NetworkPolicy"],
        deprecated: "1.9",
        removed: "1.16",
        replacement: "networking.k8s.io/v1",
    },
    {
        apiVersion: "extensions/v1beta1",
        kinds: ["PodSecurityPolicy"],
        deprecated: "1.11",
        removed: "1.16",
        replacement: "policy/v1beta1",
    },
    {
        apiVersion: "extensions/v1beta1",
        kinds: ["Ingress"],
        deprecated: "1.14",
        removed: "1.22",
        replacement: "networking.k8s.io/v1",
    },
    {
        apiVersion: "networking.k8s.io/v1beta1",
        kinds: ["Ingress", "IngressClass"],
        deprecated: "1.19",
        removed: "1.22",
        replacement: "networking.k8s.io/v1",
    },
    {
        apiVersion: "admissionregistration.k8s.io/v1beta1",
        kinds: ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
        deprecated: "1.16",
        removed: "1.22",
        replacement: "admissionregistration.k8s.io/v1",
    },
    {
        apiVersion: "apiextensions.k8s.io/v1beta1",
        kinds: ["CustomResourceDefinition"],
        deprecated: "1.16",
        removed: "1.22",
        replacement: "apiextensions.k8s.io/v1",
    },
    {
        apiVersion: "apiregistration.k8s.io/v1beta1",
        kinds: ["APIService"],
        deprecated: "1.19",
        removed: "1.22",
        replacement: "apiregistration.k8s.io/v1",
    },
    {
        apiVersion: "authentication.k8s.io/v1beta1",
        kinds: ["TokenReview"],
        deprecated: "1.19",
        removed: "1.22",
        replacement: "authentication.k8s.io/v1",
    },
    {
        apiVersion: "authorization.k8s.io/v1beta1",
        kinds: [
            "LocalSubjectAccessReview",
            "SelfSubjectAccessReview",
            "SubjectAccessReview",
            "SelfSubjectRulesReview",
        ],
        deprecated: "1.19",
        removed: "1.22",
        replacement: "authorization.k8s.io/v1",
    },
    {
        apiVersion: "certificates.k8s.io/v1beta1",
        kinds: ["CertificateSigningRequest"],
        deprecated: "1.19",
        removed: "1.22",
        replacement: "certificates.k8s.io/v1",
    },
    {
        apiVersion: "coordination.k8s.io/v1beta1",
        kinds: ["Lease"],
        deprecated: "1.19",
        removed: "1.22",
        replacement: "coordination.k8s.io/v1",
    },
    {
        apiVersion: "rbac.authorization.k8s.io/v1beta1",
        kinds: rbac,
        deprecated: "1.17",
        removed: "1.22",
        replacement: "rbac.authorization.k8s.io/v1",
    },
    {
        apiVersion: "rbac.authorization.k8s.io/v1alpha1",
        kinds: rbac,
        deprecated: "1.17",
        removed: "1.22",
        replacement: "rbac.authorization.k8s.io/v1",
    },
    {
        apiVersion: "scheduling.k8s.io/v1beta1",
        kinds: ["PriorityClass"],
        deprecated: "1.14",
        removed: "1.22",
        replacement: "scheduling.k8s.io/v1",
    },
    {
        apiVersion: "storage.k8s.io/v1beta1",
        kinds: ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"],
        deprecated: "1.19",
        removed: "1.22",
        replacement: "storage.k8s.io/v1",
    },
    {
        apiVersion: "batch/v1beta1",
        kinds: ["CronJob"],
        deprecated: "1.21",
        removed: "1.25",
        replacement: "batch/v1",
    },
    {
        apiVersion: "discovery.k8s.io/v1beta1",
        kinds: ["EndpointSlice"],
        deprecated: "1.21",
        removed: "1.25",
        replacement: "discovery.k8s.io/v1",
    },
    {
        apiVersion: "events.k8s.io/v1beta1",
        kinds: ["Event"],
        deprecated: "1.19",
        removed: "1.25",
        replacement: "events.k8s.io/v1",
    },
    {
        apiVersion: "autoscaling/v2beta1",
        kinds: ["HorizontalPodAutoscaler"],
        deprecated: "1.22",
        removed: "1.25",
        replacement: "autoscaling/v2",
    },
    {
        apiVersion: "policy/v1beta1",
        kinds: ["PodDisruptionBudget"],
        deprecated: "1.21",
        removed: "1.25",
        replacement: "policy/v1",
    },
    { apiVersion: "policy/v1beta1", kinds: ["PodSecurityPolicy"], deprecated: "1.21", removed: "1.25" },
    {
        apiVersion: "node.k8s.io/v1beta1",
        kinds: ["RuntimeClass"],
        deprecated: "1.20",
        removed: "1.25",
        replacement: "node.k8s.io/v1",
    },
    {
        apiVersion: "autoscaling/v2beta2",
        kinds: ["HorizontalPodAutoscaler"],
        deprecated: "1.23",
        removed: "1.26",
        replacement: "autoscaling/v2",
    },
    {
        apiVersion: "flowcontrol.apiserver.k8s.io/v1beta1",
        kinds: flowControl,
        deprecated: "1.23",
        removed: "1.26",
        replacement: "flowcontrol.apiserver.k8s.io/v1",
    },
    {
        apiVersion: "storage.k8s.io/v1beta1",
        kinds: ["CSIStorageCapacity"],
        deprecated: "1.24",
        removed: "1.27",
        replacement: "storage.k8s.io/v1",
    },
    {
        apiVersion: "flowcontrol.apiserver.k8s.io/v1beta2",
        kinds: flowControl,
        deprecated: "1.26",
        removed: "1.29",
        replacement: "flowcontrol.apiserver.k8s.io/v1",
    },
    {
        apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3",
        kinds: flowControl,
        deprecated: "1.29",
        removed: "1.32",
        replacement: "flowcontrol.apiserver.k8s.io/v1",
    },
];
/** Release from which an API version is served ("available since" in the same guide), for targets older than that. */
const introduced = [
    { apiVersion: "apiextensions.k8s.io/v1", kinds: ["CustomResourceDefinition"], since: "1.16" },
    {
        apiVersion: "admissionregistration.k8s.io/v1",
        kinds: ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"],
        since: "1.16",
    },
    { apiVersion: "networking.k8s.io/v1", kinds: ["Ingress", "IngressClass"], since: "1.19" },
    { apiVersion: "events.k8s.io/v1", kinds: ["Event"], since: "1.19" },
    { apiVersion: "certificates.k8s.io/v1", kinds: ["CertificateSigningRequest"], since: "1.19" },
    { apiVersion: "node.k8s.io/v1", kinds: ["RuntimeClass"], since: "1.20" },
    { apiVersion: "batch/v1", kinds: ["CronJob"], since: "1.21" },
    { apiVersion: "policy/v1", kinds: ["PodDisruptionBudget"], since: "1.21" },
    { apiVersion: "discovery.k8s.io/v1", kinds: ["EndpointSlice"], since: "1.21" },
    { apiVersion: "autoscaling/v2", kinds: ["HorizontalPodAutoscaler"], since: "1.23" },
    { apiVersion: "storage.k8s.io/v1", kinds: ["CSIStorageCapacity"], since: "1.24" },
    { apiVersion: "flowcontrol.apiserver.k8s.io/v1beta3", kinds: flowControl, since: "1.26" },
    { apiVersion: "flowcontrol.apiserver.k8s.io/v1", kinds: flowControl, since: "1.29" },
];
/** Minor version of "1.29" / "v1.29.3"; throws on anything else. */
function parseKubernetesVersion(version) {
    const match = /^v?1\.(\d+)(?:\.\d+)?$/.exec(version.trim());
    if (!match)
        throw new Error(`not a Kubernetes version: ${JSON.stringify(version)} (expected e.g. 1.31)`);
    return Number(match[1]);
}
const minor = (version) => Number(version.split(".")[1]);
function apiStatus(apiVersion, kind, kubernetesVersion) {
    const target = parseKubernetesVersion(kubernetesVersion);
    const newer = introduced.find((c) => c.apiVersion === apiVersion && c.kinds.includes(kind));
    if (newer && target < minor(newer.since)) {
        return {
            status: "removed",
            message: `${apiVersion} ${kind} is served only from Kubernetes ${newer.since} on (target ${kubernetesVersion}): use an API version the target serves, or raise kubernetes-version`,
        };
    }
    const change = changes.find((c) => c.apiVersion === apiVersion && c.kinds.includes(kind));
    if (!change)
        return { status: "served" };
    const instead = change.replacement ? `use ${change.replacement}` : "it has no replacement; remove it";
    if (target >= minor(change.removed)) {
        return {
            status: "removed",
            replacement: change.replacement,
            message: `${apiVersion} ${kind} is not served since Kubernetes ${change.removed} (target ${kubernetesVersion}): ${instead}`,
        };
    }
    if (target >= minor(change.deprecated)) {
        return {
            status: "deprecated",
            replacement: change.replacement,
            message: `${apiVersion} ${kind} is deprecated since Kubernetes ${change.deprecated} and removed in ${change.removed}: ${instead}`,
        };
    }
    return { status: "served" };
}
/** Whether the table knows this apiVersion/kind at all (an old API has no bundled schema, but is no unknown kind). */
function isKnownOldApi(apiVersion, kind) {
    return changes.some((c) => c.apiVersion === apiVersion && c.kinds.includes(kind));
}

;// CONCATENATED MODULE: ./src/validate/classify.ts
/**
 * What in a config repository is a Kubernetes manifest. Repositories hold much else in YAML — Helm values, app
 * config with its own tags, CI files, tool configuration that borrows `apiVersion`/`kind` — and none of it may
 * turn into findings about manifests.
 */
/**
 * A file whose text names both an `apiVersion` and a `kind` key: when such a file does not parse, it was meant to
 * be a manifest and the syntax error is a real defect. Anything else that does not parse is someone else's data.
 */
function looksLikeManifest(text) {
    return /^[ \t-]*["']?apiVersion["']?[ \t]*:/m.test(text) && /^[ \t-]*["']?kind["']?[ \t]*:/m.test(text);
}
/**
 * Groups whose objects configure a tool and never reach a cluster: kustomize's own files, kubeconfig pieces,
 * component configuration of kubelet, scheduler, API server and kubeadm, local-cluster and test tools.
 */
const toolGroups = new Set([
    "kustomize.config.k8s.io",
    "kubeadm.k8s.io",
    "audit.k8s.io",
    "apiserver.k8s.io",
    "client.authentication.k8s.io",
    "config.kubernetes.io",
    "kpt.dev",
    "fn.kpt.dev",
    "kind.x-k8s.io",
    "k3d.io",
    "eksctl.io",
    "clusterctl.cluster.x-k8s.io",
    "ctlptl.dev",
    "kuttl.dev",
    "chainsaw.kyverno.io",
    "cli.kyverno.io",
    "skaffold.dev",
]);
/** Kubernetes' own API groups without a dot in their name; every other group is a domain (CRD groups must be). */
const dotlessGroups = new Set(["apps", "batch", "autoscaling", "policy", "extensions"]);
/**
 * True when `apiVersion`/`kind` can name an object of a Kubernetes API server. Skaffold's `skaffold/v4beta11`
 * Config, kustomize's builtin plugin configs (`apiVersion: builtin`), Talos machine-config documents
 * (`apiVersion: v1alpha1`), kubeconfig (`v1` Config) and the component configs (`kubelet.config.k8s.io`…) are
 * files for tools, so they are not resources and never findings.
 */
function isClusterApi(apiVersion, kind) {
    const slash = apiVersion.indexOf("/");
    if (slash < 0)
        return apiVersion === "v1" && kind !== "Config";
    const group = apiVersion.slice(0, slash);
    if (toolGroups.has(group) || group.endsWith(".config.k8s.io"))
        return false;
    return group.includes(".") || dotlessGroups.has(group);
}
/**
 * A file with `{{` is a template (Helm chart, Go-templated config) unless every `{{` of its text ended up inside a
 * string of the parsed documents — an ApplicationSet's `'{{.path.basename}}'`, an ExternalSecret's
 * `"{{ .password }}"` — in which case the documents are manifests whose templated values are filled in later.
 * `documents` is undefined when the text does not parse, which makes it a template.
 */
function templatedOnlyInStrings(text, documents) {
    if (!documents)
        return false;
    let inText = 0;
    for (let i = text.indexOf("{{"); i >= 0; i = text.indexOf("{{", i + 2))
        inText++;
    let inStrings = 0;
    const visit = (value) => {
        if (typeof value === "string") {
            for (let i = value.indexOf("{{"); i >= 0; i = value.indexOf("{{", i + 2))
                inStrings++;
        }
        else if (Array.isArray(value))
            value.forEach(visit);
        else if (value !== null && typeof value === "object") {
            for (const [key, item] of Object.entries(value)) {
                visit(key);
                visit(item);
            }
        }
    };
    documents.forEach(visit);
    return inText === inStrings;
}
/** Image names Skaffold builds (`build.artifacts[].image`, profiles included) from a Skaffold `Config` document. */
function skaffoldArtifacts(object) {
    if (!isRecord(object) ||
        typeof object.apiVersion !== "string" ||
        !object.apiVersion.startsWith("skaffold/"))
        return [];
    const builds = [
        object.build,
        ...(Array.isArray(object.profiles) ? object.profiles.map((p) => isRecord(p) && p.build) : []),
    ];
    return builds.flatMap((build) => isRecord(build) && Array.isArray(build.artifacts)
        ? build.artifacts.flatMap((a) => (isRecord(a) && typeof a.image === "string" ? [a.image] : []))
        : []);
}
function isRecord(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/validate/kustomize.ts


const kustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
/** kustomize's remote targets: URLs, scp-like git addresses, `github.com/…` shorthands and `?ref=` pins. */
const isRemote = (ref) => /^[a-z][a-z0-9+.-]*:\/\/|^[^/\s]+@[^/\s]+:|^(?:github|gitlab|bitbucket)\.(?:com|org)\/|[?&](?:ref|version|submodules|timeout)=/i.test(ref);
/** Reads the file and directory references of a kustomization file (kustomize's own field names). */
function parseKustomization(file, text, isDir) {
    const dir = external_node_path_default().posix.dirname(file);
    const inputs = {
        dir,
        file,
        component: false,
        resourceFiles: [],
        otherFiles: [],
        patchFiles: [],
        dataFiles: [],
        dirs: [],
        remote: [],
    };
    let k;
    try {
        const loaded = load(text);
        k = loaded && typeof loaded === "object" ? loaded : {};
    }
    catch (error) {
        inputs.problem = error.message;
        return inputs;
    }
    inputs.component = k.kind === "Component";
    const local = (ref) => {
        if (typeof ref !== "string" || ref.includes("\n") || isRemote(ref))
            return undefined;
        return external_node_path_default().posix.normalize(external_node_path_default().posix.join(dir, ref));
    };
    const list = (value) => (Array.isArray(value) ? value : []);
    const add = (ref, role) => {
        const target = local(ref);
        if (target === undefined)
            return;
        if (isDir(target))
            inputs.dirs.push(target);
        else if (role === "resource")
            inputs.resourceFiles.push(target);
        else {
            inputs.otherFiles.push(target);
            (role === "patch" ? inputs.patchFiles : inputs.dataFiles).push(target);
        }
    };
    for (const key of ["resources", "bases", "components"]) {
        list(k[key]).forEach((ref, index) => {
            if (typeof ref === "string" && isRemote(ref))
                inputs.remote.push({ ref, path: [key, index], what: `fetch ${JSON.stringify(ref)}` });
            else
                add(ref, "resource");
        });
    }
    for (const ref of list(k.patchesStrategicMerge))
        add(ref, "patch");
    for (const key of ["patches", "patchesJson6902"]) {
        for (const entry of list(k[key])) {
            if (entry && typeof entry === "object")
                add(entry.path, "patch");
        }
    }
    for (const entry of list(k.replacements)) {
        if (entry && typeof entry === "object")
            add(entry.path, "data");
    }
    for (const key of ["crds", "configurations", "generators", "transformers", "validators"])
        for (const ref of list(k[key]))
            add(ref, "data");
    if (k.openapi && typeof k.openapi === "object")
        add(k.openapi.path, "data");
    for (const key of ["configMapGenerator", "secretGenerator"]) {
        for (const generator of list(k[key])) {
            if (!generator || typeof generator !== "object")
                continue;
            const g = generator;
            for (const entry of list(g.files))
                add(typeof entry === "string" ? entry.replace(/^[^=]*=/, "") : entry, "data");
            for (const entry of [...list(g.envs), g.env])
                add(entry, "data");
        }
    }
    list(k.helmCharts).forEach((chart, index) => {
        if (!chart || typeof chart !== "object")
            return;
        const c = chart;
        for (const entry of [c.valuesFile, ...list(c.additionalValuesFiles)])
            add(entry, "data");
        // Inflating a chart needs `--enable-helm`, the helm binary and, for a chart repository, the network.
        const from = typeof c.repo === "string" ? ` from ${JSON.stringify(c.repo)}` : "";
        inputs.remote.push({
            ref: String(c.name),
            path: ["helmCharts", index],
            what: `inflate the Helm chart ${JSON.stringify(String(c.name))}${from} with helm`,
        });
    });
    return inputs;
}
/**
 * The kustomizations of a repository as a graph: which to build (roots, not used by another) and, transitively,
 * every file each root reads — so a change can be mapped to the few roots it affects.
 */
class KustomizationGraph {
    byDir = new Map();
    closure = new Map();
    constructor(kustomizations) {
        for (const k of kustomizations)
            this.byDir.set(k.dir, k);
    }
    get(dir) {
        return this.byDir.get(dir);
    }
    get all() {
        return [...this.byDir.values()];
    }
    /** Kustomizations no other kustomization builds on: what Argo CD or Flux would point at. */
    roots() {
        const used = new Set();
        for (const k of this.byDir.values())
            for (const d of k.dirs)
                used.add(d);
        return this.all.filter((k) => !used.has(k.dir) && !k.component);
    }
    /** Every file a kustomization reads, through its bases and components. */
    inputsOf(dir) {
        const cached = this.closure.get(dir);
        if (cached)
            return cached;
        const files = new Set();
        this.closure.set(dir, files);
        const k = this.byDir.get(dir);
        if (!k)
            return files;
        files.add(k.file);
        for (const f of k.resourceFiles)
            files.add(f);
        for (const f of k.otherFiles)
            files.add(f);
        for (const d of k.dirs)
            for (const f of this.inputsOf(d))
                files.add(f);
        return files;
    }
    /**
     * Files some kustomization reads, by the role they play: resources (validated through a build), patches
     * (fragments: their syntax is checked, never their completeness) and data (never parsed as manifests).
     */
    memberFiles() {
        const resources = new Set();
        const patches = new Set();
        const data = new Set();
        const kustomizations = new Set();
        for (const k of this.byDir.values()) {
            kustomizations.add(k.file);
            for (const f of k.resourceFiles)
                resources.add(f);
            for (const f of k.patchFiles)
                patches.add(f);
            for (const f of k.dataFiles)
                data.add(f);
        }
        return { resources, patches, data, kustomizations };
    }
    /** Remote references anywhere in what `dir` builds on, with the kustomization that names each. */
    remoteOf(dir, seen = new Set()) {
        if (seen.has(dir))
            return [];
        seen.add(dir);
        const k = this.byDir.get(dir);
        if (!k)
            return [];
        return [
            ...k.remote.map((r) => ({ file: k.file, ...r })),
            ...k.dirs.flatMap((d) => this.remoteOf(d, seen)),
        ];
    }
    /** Roots whose inputs include one of the changed files, or that sit under a changed directory. */
    affectedRoots(changed) {
        const set = new Set(changed);
        return this.roots().filter((root) => {
            for (const file of this.inputsOf(root.dir))
                if (set.has(file))
                    return true;
            return false;
        });
    }
}

;// CONCATENATED MODULE: ./src/validate/load.ts



/**
 * Parses every document of a file. The common case — a well-formed file — goes through js-yaml, the fastest plain
 * parse; only a file it rejects is parsed again with `yaml`, which keeps going after an error, so every broken
 * document and every duplicate key gets its own finding with line and column.
 */
/** YAML merge keys (`<<: *defaults`) are resolved, as the Kubernetes YAML reader and kustomize do. */
const schema = CORE_SCHEMA.withTags(mergeTag);
/** Every document of `text` as plain data; throws on the first syntax error. */
function load_loadDocuments(text) {
    return loadAll(text, { schema });
}
function load_parseYamlFile(file, text) {
    let objects;
    try {
        objects = load_loadDocuments(text);
    }
    catch (error) {
        const slow = parseSlowly(file, text);
        // The two parsers disagree on a few edge cases; what js-yaml rejects must still be reported.
        if (slow.findings.length === 0) {
            const mark = error.mark;
            slow.findings.push({
                rule: "yaml-syntax",
                severity: "error",
                file,
                line: (mark?.line ?? 0) + 1,
                column: (mark?.column ?? 0) + 1,
                message: error.reason ?? String(error),
            });
        }
        return slow;
    }
    const lines = new StartLines(text);
    return { documents: objects.map((object, index) => new FastDocument(object, index, lines)), findings: [] };
}
/** Start lines are needed only for findings without a path; the scan for them waits until one asks. */
class StartLines {
    text;
    starts;
    constructor(text) {
        this.text = text;
    }
    of(index) {
        this.starts ??= documentStartLines(this.text);
        return this.starts[index] ?? 1;
    }
}
class FastDocument {
    object;
    index;
    lines;
    constructor(object, index, lines) {
        this.object = object;
        this.index = index;
        this.lines = lines;
    }
    get line() {
        return this.lines.of(this.index);
    }
}
function parseSlowly(file, text) {
    const lineCounter = new dist/* LineCounter */.HN();
    // The parser's own duplicate-key check is quadratic in a mapping's size; duplicateKeys finds the same keys linearly.
    const docs = (0,dist/* parseAllDocuments */.hR)(text, { lineCounter, prettyErrors: false, merge: true, uniqueKeys: false });
    const list = Array.isArray(docs) ? docs : [];
    const findings = [];
    const documents = [];
    const seen = new Set();
    list.forEach((doc, index) => {
        const duplicates = duplicateKeys(doc.contents).map((duplicate) => ({
            code: "DUPLICATE_KEY",
            message: "",
            pos: [duplicate.offset],
        }));
        for (const error of [...doc.errors, ...duplicates]) {
            const { line, col } = lineCounter.linePos(error.pos[0]);
            // One finding per place: the parser often explains one mistake twice.
            if (seen.has(`${line}:${col}`))
                continue;
            seen.add(`${line}:${col}`);
            const duplicate = error.code === "DUPLICATE_KEY";
            findings.push({
                rule: duplicate ? "duplicate-key" : "yaml-syntax",
                severity: "error",
                file,
                line,
                column: col,
                message: duplicate
                    ? `duplicate key ${quoteKey(text, error.pos[0])}in one mapping: YAML keeps only one of the values; remove or rename one`
                    : `${error.message.split(" at line")[0].replace(/:$/, "")} (document ${index + 1})`,
            });
        }
        const start = doc.contents?.range?.[0] ?? doc.range[0];
        const line = lineCounter.linePos(start).line;
        if (doc.errors.length > 0 || duplicates.length > 0)
            return;
        try {
            documents.push({ object: doc.toJS({ maxAliasCount: -1 }), index, line });
        }
        catch (error) {
            // An alias to an anchor defined nowhere (or later) parses, but has no value.
            findings.push({
                rule: "yaml-syntax",
                severity: "error",
                file,
                line,
                column: 1,
                message: `${error.message} (document ${index + 1})`,
            });
        }
    });
    return { documents, findings };
}
function quoteKey(text, pos) {
    const match = /^[^:\n]{1,80}/.exec(text.slice(pos));
    return match ? `${JSON.stringify(match[0].trim().replace(/^["']|["']$/g, ""))} ` : "";
}
/**
 * 1-based line of the first content line of each document, found by scanning for `---` markers (a marker in column
 * 0 always starts a document, even inside a block scalar), so the fast path needs no position tracking.
 */
function documentStartLines(text) {
    const starts = [];
    let open = false;
    let hasContent = false;
    let line = 0;
    for (let pos = 0; pos <= text.length;) {
        let end = text.indexOf("\n", pos);
        if (end === -1)
            end = text.length;
        line++;
        if (isMarker(text, pos, end, "---")) {
            starts.push(line);
            open = true;
            hasContent = isContent(text, pos + 3, end);
        }
        else if (isMarker(text, pos, end, "...")) {
            open = false;
        }
        else if (isContent(text, pos, end)) {
            if (!open) {
                starts.push(line);
                open = true;
            }
            else if (!hasContent)
                starts[starts.length - 1] = line;
            hasContent = true;
        }
        pos = end + 1;
    }
    return starts;
}
function isMarker(text, pos, end, marker) {
    if (!text.startsWith(marker, pos))
        return false;
    const next = text.charCodeAt(pos + 3);
    return end - pos === 3 || next === 32 || next === 9 || next === 13;
}
function isContent(text, pos, end) {
    for (let i = pos; i < end; i++) {
        const c = text.charCodeAt(i);
        if (c === 32 || c === 9 || c === 13)
            continue;
        return c !== 35 /* # */ && !(i === pos && c === 37); /* % directive */
    }
    return false;
}

;// CONCATENATED MODULE: ./src/validate/positions.ts

/**
 * Turns object paths into line:column by parsing a file again with full position tracking — done only for files
 * that have findings, so a clean repository never pays for it. One parse per file, however many findings.
 */
class PositionIndex {
    read;
    files = new Map();
    constructor(read) {
        this.read = read;
    }
    /** Where `path` is in document `documentIndex` of `file`: the key of the last segment when it exists, else the
     * deepest part of the path that does, else the document start. */
    locate(file, documentIndex, path) {
        const located = this.load(file);
        if (!located)
            return undefined;
        const docs = Array.isArray(located.docs) ? located.docs : [];
        const doc = docs[documentIndex];
        if (!doc)
            return undefined;
        let node = doc.contents;
        let offset = doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0;
        for (const segment of path ?? []) {
            if ((0,dist/* isAlias */.Vj)(node))
                node = node.resolve(doc);
            if ((0,dist/* isMap */.jh)(node)) {
                const pair = findPair(node, String(segment), doc);
                if (!pair)
                    break;
                offset = pair.key.range?.[0] ?? offset;
                node = pair.value;
            }
            else if ((0,dist/* isSeq */.oP)(node) && typeof segment === "number" && node.items[segment]) {
                node = node.items[segment];
                offset = node.range?.[0] ?? offset;
            }
            else
                break;
        }
        const { line, col } = located.lineCounter.linePos(offset);
        return { line, column: col };
    }
    /** Documents of `file` as the position index sees them, for matching rendered resources to their source. */
    documents(file) {
        const located = this.load(file);
        if (!located || !Array.isArray(located.docs))
            return [];
        return located.docs.map((doc) => (doc.errors.length ? undefined : doc.toJS({ maxAliasCount: -1 })));
    }
    load(file) {
        let located = this.files.get(file);
        if (!located) {
            const text = this.read(file);
            if (text === undefined)
                return undefined;
            const lineCounter = new dist/* LineCounter */.HN();
            located = { docs: (0,dist/* parseAllDocuments */.hR)(text, { lineCounter }), lineCounter };
            this.files.set(file, located);
        }
        return located;
    }
}
/**
 * The pair for `key` in a mapping, looking through merge keys (`<<: *defaults`, `<<: [*a, *b]`) when the mapping
 * does not say it itself: the value is then where the anchor defines it.
 */
function findPair(map, key, doc) {
    let merged;
    for (const item of map.items) {
        if (!(0,dist/* isPair */.tO)(item) || !(0,dist/* isScalar */.jn)(item.key))
            continue;
        if (String(item.key.value) === key)
            return item;
        if (item.key.value === "<<" && merged === undefined) {
            const sources = (0,dist/* isSeq */.oP)(item.value) ? item.value.items : [item.value];
            for (const source of sources) {
                const target = (0,dist/* isAlias */.Vj)(source) ? source.resolve(doc) : source;
                if ((0,dist/* isMap */.jh)(target))
                    merged ??= findPair(target, key, doc);
            }
        }
    }
    return merged;
}
/** `spec.template.spec.containers[0].image`: the path the way people write it in messages. */
function formatPath(path) {
    let out = "";
    for (const segment of path) {
        if (typeof segment === "number")
            out += `[${segment}]`;
        else if (/^[A-Za-z_$][\w$-]*$/.test(segment))
            out += out ? `.${segment}` : segment;
        else
            out += `[${JSON.stringify(segment)}]`;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/validate/object.ts
function isObj(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
function getAt(root, path) {
    let node = root;
    for (const key of path) {
        if (typeof key === "number") {
            if (!Array.isArray(node))
                return undefined;
            node = node[key];
        }
        else {
            if (!isObj(node))
                return undefined;
            node = node[key];
        }
    }
    return node;
}
function objAt(root, path) {
    const value = getAt(root, path);
    return isObj(value) ? value : undefined;
}
function listAt(root, path) {
    const value = getAt(root, path);
    return Array.isArray(value) ? value : [];
}
/**
 * The longest prefix of `path` that exists in `root`. A finding about something missing points at the closest
 * node that is there (the container, its `resources`), which is where the fix goes.
 */
function existingPath(root, path) {
    let node = root;
    for (let i = 0; i < path.length; i++) {
        const key = path[i];
        const next = typeof key === "number"
            ? Array.isArray(node)
                ? node[key]
                : undefined
            : isObj(node)
                ? node[key]
                : undefined;
        if (next === undefined || next === null)
            return path.slice(0, i);
        node = next;
    }
    return path;
}
/**
 * Values filled in later by Flux post-build substitution (`${VAR}`), by Kubernetes dependent variables (`$(VAR)`)
 * or by a template engine (`{{ … }}`): they are not the value that will run, so rules judge them as unknown.
 */
function isPlaceholder(value) {
    return /\$\{[^}]*\}|\$\([A-Za-z_][A-Za-z0-9_]*\)|\{\{.*\}\}/.test(value);
}
/**
 * A value that names where a secret is kept rather than holding it: 1Password (`op://vault/item/field`), vals
 * (`ref+vault://…`, `ref+awssecrets://…`), Argo CD Vault Plugin (`<path:secret/data/app#password>` and its `<key>`
 * placeholders), Bank-Vaults (`vault:secret/data/app#password`), Berglas (`sm://project/secret`,
 * `berglas://bucket/secret`), AWS Secrets Manager and Parameter Store ARNs, and SOPS ciphertext (`ENC[…]`).
 * Something fills these in at deploy time; the repository holds no credential.
 */
function isSecretReference(value) {
    const v = value.trim();
    return (/^op:\/\/[^\s/]+\/[^\s]+$/.test(v) ||
        /^ref\+[a-z0-9]+:\/\//.test(v) ||
        /<path:[^<>\n]+>/.test(v) ||
        /^<[A-Za-z0-9_.-]+(?:\s*\|\s*[a-zA-Z0-9]+)*>$/.test(v) ||
        /^vault:[^\s#]+#\S+$/.test(v) ||
        /^(?:sm|berglas):\/\/\S+$/.test(v) ||
        /^arn:aws[a-z-]*:(?:secretsmanager|ssm):/.test(v) ||
        v.startsWith("ENC["));
}
/** `apps/v1` → `apps`, `v1` → `` (the core group). */
function apiGroup(apiVersion) {
    const slash = apiVersion.indexOf("/");
    return slash < 0 ? "" : apiVersion.slice(0, slash);
}

;// CONCATENATED MODULE: ./src/validate/argocd.ts

/** Where an Application spec lives: the object itself, or an ApplicationSet's template. */
function applicationSpecPath(resource) {
    if (apiGroup(resource.id.apiVersion) !== "argoproj.io")
        return undefined;
    if (resource.id.kind === "Application")
        return ["spec"];
    if (resource.id.kind === "ApplicationSet")
        return ["spec", "template", "spec"];
    return undefined;
}
/** `spec.source` and every entry of `spec.sources` (multi-source Applications). */
function applicationSources(resource) {
    const specPath = applicationSpecPath(resource);
    if (!specPath)
        return [];
    const found = [];
    const single = objAt(resource.object, [...specPath, "source"]);
    if (single)
        found.push({ source: single, path: [...specPath, "source"] });
    listAt(resource.object, [...specPath, "sources"]).forEach((source, index) => {
        if (isObj(source))
            found.push({ source, path: [...specPath, "sources", index] });
    });
    return found;
}
/**
 * One spelling per repository: `git@github.com:acme/config.git`, `ssh://git@github.com:22/acme/config` and
 * `https://github.com/acme/config.git/` are the same repo.
 */
function normalizeRepoUrl(url) {
    let rest = url.trim().toLowerCase();
    rest = rest.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
    rest = rest.replace(/^[^@/]+@/, "");
    const scp = /^([^/:]+):(?!\d+\/)(.*)$/.exec(rest);
    if (scp)
        rest = `${scp[1]}/${scp[2]}`;
    // A default port written out (ssh 22, https 443, http 80, git 9418) is the same server as none.
    rest = rest.replace(/^([^/:]+):(?:22|443|80|9418)\//, "$1/");
    return rest.replace(/\/+$/, "").replace(/\.git$/, "");
}
/**
 * Image overrides an Application sets on its kustomize source (`spec.source.kustomize.images`, the field Argo CD
 * Image Updater writes): `name:tag`, `name@digest` or `old=new:tag`. They replace what the repo's manifests say.
 */
function applicationImageOverrides(resource) {
    return applicationSources(resource).flatMap(({ source, path }) => listAt(source, ["kustomize", "images"]).flatMap((entry, index) => {
        if (typeof entry !== "string" || isPlaceholder(entry))
            return [];
        const image = entry.slice(entry.indexOf("=") + 1);
        return [{ image, path: [...path, "kustomize", "images", index] }];
    }));
}
function mentions(value, environment) {
    if (typeof value !== "string")
        return false;
    const escaped = environment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(?:^|[^a-z0-9])${escaped}(?:$|[^a-z0-9])`, "i").test(value);
}
/**
 * The production-like environment a resource belongs to, if any. The environment of the file wins; Argo CD
 * Applications usually live outside the environments' paths (argocd/apps/), so for them the environment is
 * otherwise read from what names it: the Application's name, label values, destination namespace and cluster
 * name, and source paths, matched as whole words (`guestbook-production`, `overlays/production`,
 * `environment: production`).
 */
function productionEnvironmentOf(resource, context) {
    if (resource.environment !== undefined) {
        return context.productionEnvironments.has(resource.environment) ? resource.environment : undefined;
    }
    const specPath = applicationSpecPath(resource);
    if (!specPath)
        return undefined;
    // An ApplicationSet names itself and, in its template, the Applications it makes: both can carry the env.
    const metadataPaths = resource.id.kind === "ApplicationSet" ? [["metadata"], ["spec", "template", "metadata"]] : [["metadata"]];
    const words = [
        ...metadataPaths.flatMap((metadata) => {
            const labels = getAt(resource.object, [...metadata, "labels"]);
            return [getAt(resource.object, [...metadata, "name"]), ...(isObj(labels) ? Object.values(labels) : [])];
        }),
        getAt(resource.object, [...specPath, "destination", "namespace"]),
        getAt(resource.object, [...specPath, "destination", "name"]),
        ...applicationSources(resource).map(({ source }) => source["path"]),
    ];
    for (const environment of context.productionEnvironments) {
        if (words.some((word) => mentions(word, environment)))
            return environment;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/validate/rules/argocd-app-path.ts


function argocd_app_path_repoPath(path) {
    const trimmed = path.replace(/^\.\/+/, "").replace(/\/+$/, "");
    return trimmed === "" ? "." : trimmed;
}
/**
 * A source path that is not in the repository leaves the Application in ComparisonError after merge. A source
 * is judged only when its repository is this one: its URL is one the caller names as this repository, or another
 * source with the same URL points at a path that exists here (so the URL evidently is this repo). Helm chart
 * sources (`chart:`) and templated paths are not paths in this repository.
 */
const argocdAppPath = {
    id: "argocd-app-path",
    defaultSeverity: "error",
    description: "An Argo CD Application or ApplicationSet pointing at this repository must name a path that exists in it.",
    checkAll(resources, context) {
        const sources = [];
        for (const resource of resources) {
            for (const { source, path } of applicationSources(resource)) {
                const { repoURL, path: dir, chart } = source;
                if (typeof repoURL !== "string" || typeof dir !== "string" || chart !== undefined)
                    continue;
                if (isPlaceholder(repoURL) || isPlaceholder(dir))
                    continue;
                sources.push({
                    resource,
                    repo: normalizeRepoUrl(repoURL),
                    dir: argocd_app_path_repoPath(dir),
                    path: [...path, "path"],
                });
            }
        }
        const thisRepo = new Set((context.repositoryUrls ?? []).map(normalizeRepoUrl));
        const exists = new Map();
        const pathExists = (dir) => {
            let known = exists.get(dir);
            if (known === undefined) {
                known = context.pathExists(dir);
                exists.set(dir, known);
            }
            return known;
        };
        for (const source of sources)
            if (pathExists(source.dir))
                thisRepo.add(source.repo);
        const violations = [];
        for (const source of sources) {
            if (!thisRepo.has(source.repo) || pathExists(source.dir))
                continue;
            violations.push({
                message: `source path "${source.dir}" does not exist in this repository; the Application would fail to sync`,
                path: source.path,
                resource: source.resource,
            });
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/argocd-sync-policy.ts


/**
 * Production changes when a person syncs a reviewed commit, not whenever main moves: automated sync there
 * bypasses the promotion gate's timing (windows, someone watching). It only speaks when gitops-pipeline.yaml
 * names a production environment; teams that auto-sync production on purpose switch it off there.
 */
const argocdSyncPolicy = {
    id: "argocd-sync-policy",
    defaultSeverity: "error",
    description: "Argo CD Applications of production-like environments must not sync automatically.",
    checkResource(resource, context) {
        const specPath = applicationSpecPath(resource);
        if (!specPath || context.productionEnvironments.size === 0)
            return [];
        const automatedPath = [...specPath, "syncPolicy", "automated"];
        const automated = getAt(resource.object, automatedPath);
        if (automated === undefined || automated === null)
            return [];
        if (isObj(automated) && automated["enabled"] === false)
            return [];
        const environment = productionEnvironmentOf(resource, context);
        if (environment === undefined)
            return [];
        return [
            {
                message: `${resource.id.kind} "${resource.id.name}" deploys to production environment "${environment}" with automated sync; remove syncPolicy.automated so a person syncs what the promotion merged`,
                path: automatedPath,
            },
        ];
    },
};

;// CONCATENATED MODULE: ./src/validate/scope.ts

/**
 * What is deployed together. A kustomize build is one unit: its output is what one Argo CD Application or Flux
 * Kustomization applies, and a base shared by several overlays is a different object in each. Plain manifests
 * outside any kustomization are applied a directory at a time (Argo CD directory sources, `kubectl apply -f dir`),
 * so their unit is their directory.
 */
function renderUnit(resource) {
    if (resource.renderedFrom !== undefined)
        return `kustomize:${resource.renderedFrom}`;
    return `dir:${external_node_path_namespaceObject.posix.dirname(resource.file.replaceAll("\\", "/"))}`;
}
/**
 * Where a reference (Service selector, HPA target) may find its target. A rendered resource looks inside its own
 * build; a plain manifest may be completed by any plain manifest of the same environment (or, with no environments
 * configured, of the whole run), because teams split plain manifests by kind or component across directories.
 */
function lookupScope(resource) {
    return resource.renderedFrom !== undefined
        ? `kustomize:${resource.renderedFrom}`
        : `plain:${resource.environment ?? ""}`;
}
/** Resources grouped by lookup scope, so a reference searches its own scope only. */
function byLookupScope(resources, pick) {
    const groups = new Map();
    for (const resource of resources) {
        const value = pick(resource);
        if (value === undefined)
            continue;
        const key = lookupScope(resource);
        const group = groups.get(key);
        if (group)
            group.push(value);
        else
            groups.set(key, [value]);
    }
    return (from) => groups.get(lookupScope(from)) ?? [];
}
/**
 * An omitted namespace is filled in at apply time (Argo CD destination, `kubectl -n`), so it may equal any
 * namespace; two written namespaces must be equal.
 */
function namespacesMayMatch(a, b) {
    return a.id.namespace === undefined || b.id.namespace === undefined || a.id.namespace === b.id.namespace;
}
/** `file:line`, to name another resource in a message. */
function whereIs(resource) {
    return `${resource.file}:${resource.line}`;
}
/** Where a lookup searched, for messages; the engine itself names the build a rendered finding came from. */
function describeScope(resource) {
    if (resource.renderedFrom !== undefined)
        return "in the same kustomize build";
    return resource.environment !== undefined
        ? `in environment "${resource.environment}"`
        : "in the checked manifests";
}

;// CONCATENATED MODULE: ./src/image/ref.ts

const DEFAULT_REGISTRY = "docker.io";
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN_RE = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?$`);
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const KNOWN_DIGEST_LENGTHS = { sha256: 64, sha384: 96, sha512: 128 };
const MAX_NAME_LENGTH = 255;
const REF_HINT = "Write it as name[:tag][@sha256:<64 hex>], e.g. ghcr.io/acme/web:1.4.2.";
function refuse(input, part, why, hint = REF_HINT) {
    throw new errors_UserError(`invalid image reference ${JSON.stringify(input)}: ${why} (${JSON.stringify(part)})`, {
        hint,
    });
}
/** A first path component is a registry when it could not be a Docker Hub namespace. */
function looksLikeRegistry(component) {
    return (component.includes(".") || component.includes(":") || component === "localhost" || /[A-Z]/.test(component));
}
/** Parses `name`, `name:tag`, `name@digest` or `name:tag@digest`; throws a UserError naming the bad part. */
function parseImageRef(input) {
    if (input.length === 0)
        refuse(input, input, "it is empty");
    const bad = /[\s\u0000-\u001f\u007f]/.exec(input);
    if (bad)
        refuse(input, bad[0], `it contains whitespace or a control character at offset ${bad.index}`);
    let rest = input;
    let digest;
    const at = rest.indexOf("@");
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        checkDigest(input, digest);
    }
    let tag;
    const lastSlash = rest.lastIndexOf("/");
    const colon = rest.lastIndexOf(":");
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG_RE.test(tag)) {
            refuse(input, tag, tag === "" ? "the tag after ':' is empty" : "the tag is not valid", "A tag is 1–128 characters of letters, digits, '_', '.' and '-', and does not start with '.' or '-'.");
        }
    }
    if (rest === "")
        refuse(input, rest, "the name is empty");
    const components = rest.split("/");
    let registry = "";
    if (components.length > 1 && looksLikeRegistry(components[0])) {
        registry = components.shift();
        if (!DOMAIN_RE.test(registry)) {
            refuse(input, registry, "the registry host is not valid", "A registry is a host name or IP address with an optional port, e.g. ghcr.io or localhost:5000.");
        }
    }
    for (const component of components) {
        if (component === "")
            refuse(input, rest, "the name has an empty path component");
        if (!PATH_COMPONENT_RE.test(component)) {
            if (component.toLowerCase() !== component && PATH_COMPONENT_RE.test(component.toLowerCase())) {
                refuse(input, component, "the repository name must be lowercase", `Use ${JSON.stringify(component.toLowerCase())}; registries refuse uppercase repository names.`);
            }
            refuse(input, component, "a path component is not valid", "Path components are lowercase letters and digits, separated by '.', '_', '__' or '-'.");
        }
    }
    const repository = components.join("/");
    if (rest.length > MAX_NAME_LENGTH)
        refuse(input, rest, `the name is longer than ${MAX_NAME_LENGTH} characters`);
    return { registry, repository, tag, digest };
}
function checkDigest(input, digest) {
    if (!DIGEST_RE.test(digest)) {
        refuse(input, digest, "the digest is not valid", "A digest looks like sha256:<64 lowercase hex characters>.");
    }
    const [algorithm, hex] = digest.split(":");
    const length = KNOWN_DIGEST_LENGTHS[algorithm];
    if (length !== undefined && (hex.length !== length || !/^[0-9a-f]+$/.test(hex))) {
        refuse(input, digest, `a ${algorithm} digest is ${length} lowercase hex characters`);
    }
}
/** True when `tag` is a tag the distribution grammar accepts (and so holds no space, quote, `#` or line break). */
function isValidTag(tag) {
    return TAG_RE.test(tag);
}
/** True when `digest` is `algorithm:encoded` as the distribution grammar defines it, with the right length. */
function isValidDigest(digest) {
    try {
        checkDigest(digest, digest);
        return true;
    }
    catch {
        return false;
    }
}
/** Registry as Docker resolves it: none or index.docker.io means docker.io. */
function normalizedRegistry(ref) {
    const registry = ref.registry.toLowerCase();
    if (registry === "" || registry === "index.docker.io" || registry === "registry-1.docker.io") {
        return DEFAULT_REGISTRY;
    }
    return registry;
}
/** The fully qualified name (`docker.io/library/nginx`) that decides identity. */
function normalizedName(ref) {
    const registry = normalizedRegistry(ref);
    const repository = registry === DEFAULT_REGISTRY && !ref.repository.includes("/")
        ? `library/${ref.repository}`
        : ref.repository;
    return `${registry}/${repository}`;
}
/** The name as written: registry (if any) and repository, without tag or digest. */
function imageName(ref) {
    return ref.registry ? `${ref.registry}/${ref.repository}` : ref.repository;
}
function formatImageRef(ref) {
    return `${imageName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ""}${ref.digest !== undefined ? `@${ref.digest}` : ""}`;
}
/** True when both references name the same repository, whatever their tags, digests or spelling. */
function sameImage(a, b) {
    const left = typeof a === "string" ? parseImageRef(a) : a;
    const right = typeof b === "string" ? parseImageRef(b) : b;
    return normalizedName(left) === normalizedName(right);
}
/** The part of a reference that says which version runs: `tag`, `@digest` or `tag@digest`. */
function versionOf(ref) {
    return `${ref.tag ?? ""}${ref.digest ? `@${ref.digest}` : ""}`;
}
/** The reference spelled by a name and a `versionOf()` string (`1.2`, `@sha256:…`, `1.2@sha256:…`). */
function withVersionText(name, version) {
    return `${name}${version.startsWith("@") ? "" : ":"}${version}`;
}

;// CONCATENATED MODULE: ./src/validate/workloads.ts



const TEMPLATED = { template: ["spec", "template"], selector: ["spec", "selector"] };
const SHAPES = {
    "/Pod": { template: [] },
    "/ReplicationController": { ...TEMPLATED, plainSelector: true },
    "/PodTemplate": { template: ["template"] },
    "apps/Deployment": TEMPLATED,
    "apps/StatefulSet": TEMPLATED,
    "apps/DaemonSet": TEMPLATED,
    "apps/ReplicaSet": TEMPLATED,
    // Removed in Kubernetes 1.16 but still committed; removed-api reports them, the pod rules still apply.
    "extensions/Deployment": TEMPLATED,
    "extensions/DaemonSet": TEMPLATED,
    "extensions/ReplicaSet": TEMPLATED,
    "batch/Job": { ...TEMPLATED, runsToCompletion: true },
    "batch/CronJob": {
        template: ["spec", "jobTemplate", "spec", "template"],
        selector: ["spec", "jobTemplate", "spec", "selector"],
        runsToCompletion: true,
    },
    "argoproj.io/Rollout": TEMPLATED,
};
function workloadShape(resource) {
    return SHAPES[`${apiGroup(resource.id.apiVersion)}/${resource.id.kind}`];
}
/** The pod a workload runs, or undefined for kinds that run none (or a Rollout using `workloadRef`). */
function podOf(resource) {
    const shape = workloadShape(resource);
    if (!shape)
        return undefined;
    const specPath = [...shape.template, "spec"];
    const spec = objAt(resource.object, specPath);
    if (!spec)
        return undefined;
    const restartPolicy = spec["restartPolicy"];
    return {
        templatePath: shape.template,
        specPath,
        spec,
        labels: stringMap(getAt(resource.object, [...shape.template, "metadata", "labels"])),
        selectorPath: shape.selector,
        plainSelector: shape.plainSelector ?? false,
        longRunning: !shape.runsToCompletion &&
            !(resource.id.kind === "Pod" && (restartPolicy === "Never" || restartPolicy === "OnFailure")),
    };
}
/** Most rules walk the same containers; walk them once per resource. */
const containerCache = new WeakMap();
/** Every container and init container of a workload, with its path. Ephemeral containers are debug-only. */
function containersOf(resource) {
    let found = containerCache.get(resource);
    if (!found) {
        found = findContainers(resource);
        containerCache.set(resource, found);
    }
    return found;
}
function findContainers(resource) {
    const pod = podOf(resource);
    if (!pod)
        return [];
    const found = [];
    for (const field of ["initContainers", "containers"]) {
        listAt(pod.spec, [field]).forEach((container, index) => {
            if (!isObj(container))
                return;
            const role = field === "containers" ? "container" : container["restartPolicy"] === "Always" ? "sidecar" : "init";
            found.push({
                container,
                name: typeof container["name"] === "string" ? container["name"] : `#${index}`,
                path: [...pod.specPath, field, index],
                role,
                pod,
            });
        });
    }
    return found;
}
/** A rule's checkResource that judges each container on its own: the shape most pod rules share. */
function eachContainer(check) {
    return (resource, context) => containersOf(resource).flatMap((location) => check(location, resource, context) ?? []);
}
/** "container "app"" / "init container "migrate"", for messages. */
function describeContainer(location) {
    return `${location.role === "container" ? "container" : "init container"} "${location.name}"`;
}
/**
 * Images of all containers, and an Argo CD Application's kustomize overrides, that parse as references.
 * Placeholders and malformed references are left to other checks (schema, substitution) rather than guessed at.
 */
function imagesOf(resource) {
    const written = [
        ...containersOf(resource).map((location) => ({
            owner: describeContainer(location),
            image: location.container["image"],
            path: [...location.path, "image"],
        })),
        ...applicationImageOverrides(resource).map(({ image, path }) => ({
            owner: `${resource.id.kind} kustomize image override`,
            image,
            path,
        })),
    ];
    return written.flatMap(({ owner, image, path }) => {
        if (typeof image !== "string" || image === "" || isPlaceholder(image))
            return [];
        try {
            return [{ owner, image, ref: parseImageRef(image), path }];
        }
        catch {
            return [];
        }
    });
}
function stringMap(value) {
    const result = {};
    if (!isObj(value))
        return result;
    for (const [key, entry] of Object.entries(value)) {
        if (entry === null || entry === undefined)
            continue;
        result[key] = String(entry);
    }
    return result;
}
/** True when a plain label map (Service, ReplicationController selectors) selects `labels`. */
function mapSelects(selector, labels) {
    return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

;// CONCATENATED MODULE: ./src/validate/rules/dangling-service.ts



/**
 * A Service whose selector matches no pod has no endpoints: traffic to it fails while everything looks synced.
 * Often a label typo or a label changed on one side only. ExternalName and selector-less Services (manual
 * Endpoints) select nothing by design.
 */
const danglingService = {
    id: "dangling-service",
    defaultSeverity: "warning",
    description: "A Service's selector must match the pod template of some workload deployed with it.",
    checkAll(resources) {
        const podsFor = byLookupScope(resources, (resource) => {
            const pod = podOf(resource);
            return pod && { resource, labels: pod.labels };
        });
        const violations = [];
        for (const service of resources) {
            if (service.id.kind !== "Service" || service.id.apiVersion !== "v1")
                continue;
            if (getAt(service.object, ["spec", "type"]) === "ExternalName")
                continue;
            const selector = stringMap(getAt(service.object, ["spec", "selector"]));
            if (Object.keys(selector).length === 0)
                continue;
            const pods = podsFor(service);
            // Plain manifests in view with no workload at all: the pods come from elsewhere (another directory or app,
            // an operator), so there is nothing to judge against. A kustomize build is complete by itself.
            if (pods.length === 0 && service.renderedFrom === undefined)
                continue;
            const matched = pods.some(({ resource, labels }) => namespacesMayMatch(service, resource) && mapSelects(selector, labels));
            if (matched)
                continue;
            violations.push({
                message: `Service "${service.id.name}" selects ${Object.entries(selector)
                    .map(([key, value]) => `${key}=${value}`)
                    .join(", ")} but no pod template ${describeScope(service)} has those labels; it will have no endpoints`,
                path: ["spec", "selector"],
                resource: service,
            });
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/deprecated-api.ts
/** Reported by the engine itself (API version table), not by a check over resources. */
const deprecatedApi = {
    id: "deprecated-api",
    defaultSeverity: "warning",
    description: "The apiVersion is deprecated in the target Kubernetes version and will be removed; move to its replacement.",
};

;// CONCATENATED MODULE: ./src/validate/rules/duplicate-key.ts
/** Reported by the engine itself (the loader), not by a check over resources. */
const duplicateKey = {
    id: "duplicate-key",
    defaultSeverity: "error",
    description: "A mapping has the same key twice; YAML keeps only one of them, so the other is silently lost.",
};

;// CONCATENATED MODULE: ./src/validate/rules/duplicate-resource.ts


/** Kinds whose objects live outside namespaces: a namespace written on them is ignored by the API server. */
const CLUSTER_SCOPED = new Set([
    "/Namespace",
    "/Node",
    "/PersistentVolume",
    "rbac.authorization.k8s.io/ClusterRole",
    "rbac.authorization.k8s.io/ClusterRoleBinding",
    "apiextensions.k8s.io/CustomResourceDefinition",
    "storage.k8s.io/StorageClass",
    "storage.k8s.io/CSIDriver",
    "storage.k8s.io/VolumeAttachment",
    "scheduling.k8s.io/PriorityClass",
    "networking.k8s.io/IngressClass",
    "node.k8s.io/RuntimeClass",
    "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
    "admissionregistration.k8s.io/MutatingWebhookConfiguration",
    "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
    "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
    "admissionregistration.k8s.io/MutatingAdmissionPolicy",
    "admissionregistration.k8s.io/MutatingAdmissionPolicyBinding",
    "certificates.k8s.io/CertificateSigningRequest",
    "flowcontrol.apiserver.k8s.io/FlowSchema",
    "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
    "apiregistration.k8s.io/APIService",
    "cert-manager.io/ClusterIssuer",
]);
/**
 * Identity as the API server sees it: the group but not the version (apps/v1 and apps/v1beta2 Deployments are
 * one object), and no namespace for cluster-scoped kinds.
 */
function identity(resource) {
    const group = apiGroup(resource.id.apiVersion);
    const kind = `${group}/${resource.id.kind}`;
    const namespace = CLUSTER_SCOPED.has(kind) ? "" : (resource.id.namespace ?? "");
    return `${kind}|${namespace}|${resource.id.name}`;
}
/**
 * Two definitions of one object in what is applied together: the second silently replaces the first, or the
 * sync fails. Scope is the render unit — one kustomize build, or one directory of plain manifests — so the same
 * base rendered into several overlays is not a duplicate.
 */
const duplicateResource = {
    id: "duplicate-resource",
    defaultSeverity: "error",
    description: "The same object (group, kind, namespace, name) must not be defined twice in one render unit.",
    checkAll(resources) {
        const first = new Map();
        const violations = [];
        for (const resource of resources) {
            if (!resource.id.kind || !resource.id.name)
                continue;
            const key = `${renderUnit(resource)}|${identity(resource)}`;
            const earlier = first.get(key);
            if (!earlier) {
                first.set(key, resource);
                continue;
            }
            const { kind, name, namespace } = resource.id;
            violations.push({
                message: `${kind} "${namespace ? `${namespace}/` : ""}${name}" is already defined at ${whereIs(earlier)}${resource.renderedFrom !== undefined ? " in the same kustomize build" : ""}; keep one definition`,
                path: ["metadata", "name"],
                resource,
            });
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/host-namespace.ts

const NAMESPACES = { hostNetwork: "network", hostPID: "process", hostIPC: "IPC" };
/** Sharing the node's network, process or IPC namespace lets a pod see and reach everything on the node. */
const hostNamespace = {
    id: "host-namespace",
    defaultSeverity: "error",
    description: "Pods must not share the host's network, PID or IPC namespace.",
    checkResource(resource) {
        const pod = podOf(resource);
        if (!pod)
            return [];
        const violations = [];
        for (const [field, what] of Object.entries(NAMESPACES)) {
            if (pod.spec[field] !== true)
                continue;
            violations.push({
                message: `the pod shares the host's ${what} namespace (${field}: true)`,
                path: [...pod.specPath, field],
            });
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/host-path.ts


/**
 * A hostPath volume reaches the node's file system; node agents need it, applications should not. A warning
 * because log shippers and CSI drivers legitimately use it.
 */
const hostPath = {
    id: "host-path",
    defaultSeverity: "warning",
    description: "Pods should not mount hostPath volumes.",
    checkResource(resource) {
        const pod = podOf(resource);
        if (!pod)
            return [];
        const violations = [];
        listAt(pod.spec, ["volumes"]).forEach((volume, index) => {
            if (!isObj(volume) || !isObj(volume["hostPath"]))
                return;
            const path = volume["hostPath"]["path"];
            violations.push({
                message: `volume "${String(volume["name"] ?? index)}" mounts host path ${typeof path === "string" ? `"${path}"` : "(unset)"} from the node`,
                path: [...pod.specPath, "volumes", index, "hostPath"],
            });
        });
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/hpa-target.ts



/**
 * An autoscaler whose target is not deployed with it scales nothing, and one with minReplicas above maxReplicas
 * is refused by the API server.
 */
const hpaTarget = {
    id: "hpa-target",
    defaultSeverity: "error",
    description: "A HorizontalPodAutoscaler must target a workload deployed with it and have minReplicas ≤ maxReplicas.",
    checkAll(resources) {
        const violations = [];
        const candidatesFor = byLookupScope(resources, (resource) => resource);
        const workloadsFor = byLookupScope(resources, (resource) => podOf(resource));
        for (const hpa of resources) {
            if (hpa.id.kind !== "HorizontalPodAutoscaler" || apiGroup(hpa.id.apiVersion) !== "autoscaling")
                continue;
            const min = getAt(hpa.object, ["spec", "minReplicas"]);
            const max = getAt(hpa.object, ["spec", "maxReplicas"]);
            if (typeof min === "number" && typeof max === "number" && min > max) {
                violations.push({
                    message: `minReplicas (${min}) is greater than maxReplicas (${max})`,
                    path: ["spec", "minReplicas"],
                    resource: hpa,
                });
            }
            const target = objAt(hpa.object, ["spec", "scaleTargetRef"]);
            const kind = target?.["kind"];
            const name = target?.["name"];
            if (typeof kind !== "string" || typeof name !== "string")
                continue;
            const group = typeof target?.["apiVersion"] === "string" ? apiGroup(target["apiVersion"]) : undefined;
            // As for Services: plain manifests with no workload in view say nothing about where the target lives.
            if (hpa.renderedFrom === undefined && workloadsFor(hpa).length === 0)
                continue;
            const found = candidatesFor(hpa).some((candidate) => candidate.id.kind === kind &&
                candidate.id.name === name &&
                (group === undefined || apiGroup(candidate.id.apiVersion) === group) &&
                namespacesMayMatch(hpa, candidate));
            if (found)
                continue;
            violations.push({
                message: `scaleTargetRef ${kind} "${name}" is not defined ${describeScope(hpa)}; the autoscaler would scale nothing`,
                path: ["spec", "scaleTargetRef", "name"],
                resource: hpa,
            });
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/kustomize-build.ts
/** Reported by the engine itself (the renderer), not by a check over resources. */
const kustomizeBuild = {
    id: "kustomize-build",
    defaultSeverity: "error",
    description: "A kustomization does not build; the message quotes kustomize's reason.",
};

;// CONCATENATED MODULE: ./src/validate/rules/kustomize-remote.ts
/** Reported by the engine when it leaves a build out, not by a check over resources. */
const kustomizeRemote = {
    id: "kustomize-remote",
    defaultSeverity: "warning",
    description: "A kustomization builds on a remote base, component or resource (URL, `github.com/…`, `git@…`, `?ref=`): validation works offline, so that overlay is not rendered and its local files are checked as they are.",
};

;// CONCATENATED MODULE: ./src/validate/rules/latest-tag.ts

/** An image without a tag or with `latest` changes under the same manifest: Git no longer says what runs. */
const latestTag = {
    id: "latest-tag",
    defaultSeverity: "error",
    description: "Container images must name a tag other than `latest`, or a digest.",
    checkResource(resource, context) {
        const violations = [];
        for (const { owner, image, ref, path } of imagesOf(resource)) {
            if (ref.digest !== undefined)
                continue;
            // Skaffold writes the tag it built into `image: frontend` when it deploys.
            if (ref.tag === undefined && context.builtImages?.has(image))
                continue;
            if (ref.tag === undefined) {
                violations.push({
                    message: `${owner} uses image "${image}" without a tag, which means latest; pin a version tag or a digest`,
                    path,
                });
            }
            else if (ref.tag === "latest") {
                violations.push({
                    message: `${owner} uses image "${image}"; pin a version tag or a digest instead of latest`,
                    path,
                });
            }
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/missing-limits.ts


/**
 * Only the memory limit is required: a container without one can take a node's memory and get its neighbours
 * OOM-killed. A CPU limit is left to the team, since it throttles even when the node is idle.
 */
const missingLimits = {
    id: "missing-limits",
    defaultSeverity: "warning",
    description: "Containers must set a memory limit.",
    checkResource: eachContainer((location) => {
        if (getAt(location.container, ["resources", "limits", "memory"]) != null)
            return undefined;
        return {
            message: `${describeContainer(location)} has no memory limit; set resources.limits.memory`,
            path: [...location.path, ...existingPath(location.container, ["resources", "limits"])],
        };
    }),
};

;// CONCATENATED MODULE: ./src/validate/rules/missing-probes.ts

/**
 * A long-running container without a readiness probe gets traffic before it can serve it; without a liveness
 * probe a hung process is never restarted. Jobs, CronJobs and plain init containers exit by design.
 */
const missingProbes = {
    id: "missing-probes",
    defaultSeverity: "warning",
    description: "Containers of long-running workloads must have readiness and liveness probes.",
    checkResource: eachContainer((location) => {
        if (location.role === "init" || !location.pod.longRunning)
            return undefined;
        const missing = ["readinessProbe", "livenessProbe"].filter((probe) => location.container[probe] == null);
        if (missing.length === 0)
            return undefined;
        return { message: `${describeContainer(location)} has no ${missing.join(" or ")}`, path: location.path };
    }),
};

;// CONCATENATED MODULE: ./src/validate/rules/missing-requests.ts


/** Without requests the scheduler packs pods blind and the pod is first to be evicted under pressure. */
const missingRequests = {
    id: "missing-requests",
    defaultSeverity: "warning",
    description: "Containers must request CPU and memory.",
    checkResource: eachContainer((location) => {
        const missing = ["cpu", "memory"].filter((name) => getAt(location.container, ["resources", "requests", name]) == null);
        if (missing.length === 0)
            return undefined;
        return {
            message: `${describeContainer(location)} has no ${missing.join(" or ")} request; set resources.requests.${missing.join(" and resources.requests.")}`,
            path: [...location.path, ...existingPath(location.container, ["resources", "requests"])],
        };
    }),
};

;// CONCATENATED MODULE: ./src/validate/rules/mutable-tag.ts


/**
 * Tags that name one build: a full version (1.4.2, v1.4.2, 1.4.2-rc.1, 1.25.3-alpine, 2024.11.21) or a commit
 * (sha-abc1234, abc1234def). `1.4`, `1`, `main`, `stable` are moved by every release.
 */
const EXACT_VERSION = /^v?\d+(?:\.\d+){2,}(?:[-+_.][0-9A-Za-z][0-9A-Za-z._+-]*)?$/;
const PREFIXED_COMMIT = /^(?:sha|git|commit)-[0-9a-f]{7,64}$/;
/** A bare hex tag counts only with a letter in it: all digits is more likely a date or a counter. */
const BARE_COMMIT = /^(?=[0-9]*[a-f])[0-9a-f]{7,64}$/;
function isExactTag(tag) {
    return EXACT_VERSION.test(tag) || PREFIXED_COMMIT.test(tag) || BARE_COMMIT.test(tag);
}
/** Production runs what was tested: a tag that can be moved can deploy something nobody promoted. */
const mutableTag = {
    id: "mutable-tag",
    defaultSeverity: "error",
    description: "In production-like environments images must be pinned by digest or by an exact version tag (1.4.2, sha-abc1234).",
    checkResource(resource, context) {
        const environment = productionEnvironmentOf(resource, context);
        if (environment === undefined)
            return [];
        const violations = [];
        for (const { owner, image, ref, path } of imagesOf(resource)) {
            if (ref.digest !== undefined || (ref.tag !== undefined && isExactTag(ref.tag)))
                continue;
            violations.push({
                message: `${owner} uses image "${image}" in production environment "${environment}"; ${ref.tag === undefined ? "it has no tag" : `tag "${ref.tag}" can be moved`}: pin a digest (@sha256:…) or an exact version tag such as 1.4.2`,
                path,
            });
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/plaintext-secret.ts

/**
 * SOPS leaves its values as `ENC[…]` and adds a top-level `sops` block. A Secret that kustomize generates from a
 * SOPS-encrypted env or YAML file (decrypted later by Flux or ksops) carries the ciphertext base64-encoded in
 * `data`, next to `sops_*` metadata keys.
 */
function isEncrypted(object, key, value) {
    if (isObj(object["sops"]) || key.startsWith("sops_"))
        return true;
    return typeof value === "string" && value.startsWith("ENC[");
}
/** The text a `data` value stands for; `undefined` when it is not base64. */
function decoded(value) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value.replace(/\s+/g, "")))
        return undefined;
    return Buffer.from(value, "base64").toString("utf8");
}
/** A value that is a reference, a placeholder or ciphertext, written as it is or base64-encoded in `data`. */
function notACredential(object, key, value, base64) {
    const text = base64 ? (decoded(value) ?? value) : value;
    return (isPlaceholder(value) ||
        isEncrypted(object, key, value) ||
        isSecretReference(value) ||
        (text !== value &&
            (isPlaceholder(text) ||
                isSecretReference(text) ||
                text.includes("ENC[AES256_GCM,") ||
                /^sops:$/m.test(text))));
}
/**
 * Argo CD reads repositories and clusters from labelled Secrets; declaring a public repository needs only these
 * keys, and teams commit such Secrets on purpose. Their credential keys (password, sshPrivateKey, config, …) count.
 */
const ARGOCD_SECRET_TYPE = "argocd.argoproj.io/secret-type";
const ARGOCD_PUBLIC_KEYS = new Set([
    "type",
    "url",
    "name",
    "project",
    "username",
    "server",
    "namespaces",
    "clusterResources",
    "insecure",
    "enableLfs",
    "enableOCI",
    "proxy",
    "noProxy",
    "forceHttpBasicAuth",
    "githubAppID",
    "githubAppInstallationID",
    "githubAppEnterpriseBaseUrl",
]);
/**
 * Base64 is not encryption: a Secret with data in Git hands the credential to everyone who can read the repo,
 * forever (history keeps it). Empty Secrets, ones filled by substitution and SOPS-encrypted ones are fine.
 */
const plaintextSecret = {
    id: "plaintext-secret",
    defaultSeverity: "error",
    description: "Secrets must not be committed with data: use a SealedSecret, an ExternalSecret or SOPS.",
    checkResource(resource) {
        const { apiVersion, kind } = resource.id;
        if (kind !== "Secret" || apiVersion !== "v1")
            return [];
        const argocd = getAt(resource.object, ["metadata", "labels", ARGOCD_SECRET_TYPE]) !== undefined;
        for (const field of ["data", "stringData"]) {
            const entries = resource.object[field];
            if (!isObj(entries))
                continue;
            const keys = Object.entries(entries).filter(([key, value]) => !(argocd && ARGOCD_PUBLIC_KEYS.has(key)) &&
                value != null &&
                String(value) !== "" &&
                !notACredential(resource.object, key, String(value), field === "data"));
            if (keys.length === 0)
                continue;
            const names = keys.map(([key]) => key);
            const listed = names.map((name) => `"${name}"`).join(", ");
            const encoding = field === "data" ? "base64" : "text";
            return [
                {
                    message: `Secret "${resource.id.name}" holds ${names.length === 1 ? "key" : "keys"} ${listed} in plain ${encoding}; commit a SealedSecret or an ExternalSecret (or encrypt with SOPS) instead`,
                    path: [field, names[0]],
                },
            ];
        }
        return [];
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/privilege-escalation.ts


/**
 * Kubernetes allows privilege escalation (setuid binaries, file capabilities) unless told otherwise, so only an
 * explicit `false` passes. A warning: most images never use it, but it is one line to close.
 */
const privilegeEscalation = {
    id: "privilege-escalation",
    defaultSeverity: "warning",
    description: "Containers must set securityContext.allowPrivilegeEscalation: false.",
    checkResource: eachContainer((location) => {
        const field = ["securityContext", "allowPrivilegeEscalation"];
        const value = getAt(location.container, field);
        if (value === false)
            return undefined;
        return {
            message: `${describeContainer(location)} ${value === true ? "allows privilege escalation" : "does not set allowPrivilegeEscalation: false"}`,
            path: [...location.path, ...existingPath(location.container, field)],
        };
    }),
};

;// CONCATENATED MODULE: ./src/validate/rules/privileged.ts


/** A privileged container has every capability and the host's devices: it is root on the node. */
const privileged = {
    id: "privileged",
    defaultSeverity: "error",
    description: "Containers must not run privileged.",
    checkResource: eachContainer((location) => {
        if (getAt(location.container, ["securityContext", "privileged"]) !== true)
            return undefined;
        return {
            message: `${describeContainer(location)} runs privileged; grant the specific capabilities it needs instead`,
            path: [...location.path, "securityContext", "privileged"],
        };
    }),
};

;// CONCATENATED MODULE: ./src/validate/rules/removed-api.ts
/** Reported by the engine itself (API version table), not by a check over resources. */
const removedApi = {
    id: "removed-api",
    defaultSeverity: "error",
    description: "The apiVersion is not served by the target Kubernetes version (removed already, or newer than it); the cluster rejects it.",
};

;// CONCATENATED MODULE: ./src/validate/rules/run-as-root.ts


/**
 * A container may run as root unless `runAsNonRoot: true` or a non-zero `runAsUser` holds for it; a container's
 * securityContext overrides the pod's, so each container is judged on the effective value.
 */
const runAsRoot = {
    id: "run-as-root",
    defaultSeverity: "warning",
    description: "Containers must not run as root: set runAsNonRoot: true (pod or container) and no runAsUser: 0.",
    checkResource: eachContainer((location, resource) => {
        const podContext = [...location.pod.specPath, "securityContext"];
        const containerContext = [...location.path, "securityContext"];
        const effective = (field) => {
            for (const base of [containerContext, podContext]) {
                const value = getAt(resource.object, [...base, field]);
                if (value != null)
                    return { value, path: [...base, field] };
            }
            return { value: undefined };
        };
        const user = effective("runAsUser");
        if (user.value === 0) {
            return { message: `${describeContainer(location)} runs as root (runAsUser: 0)`, path: user.path };
        }
        if (typeof user.value === "number" && user.value > 0)
            return undefined;
        const nonRoot = effective("runAsNonRoot");
        if (nonRoot.value === true)
            return undefined;
        return {
            message: `${describeContainer(location)} may run as root: ${nonRoot.value === false ? "runAsNonRoot is false" : "runAsNonRoot is not set"}; set securityContext.runAsNonRoot: true or a non-zero runAsUser`,
            path: nonRoot.path ?? location.path,
        };
    }),
};

;// CONCATENATED MODULE: ./src/validate/rules/schema.ts
/** Reported by the engine itself (schema check), not by a check over resources. */
const schema_schema = {
    id: "schema",
    defaultSeverity: "error",
    description: "A field has the wrong type, a value outside its allowed set, or a required field is missing.",
};

;// CONCATENATED MODULE: ./src/validate/rules/secret-in-env.ts


const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL|AUTH_?KEY/;
/** Names that say the value is about a secret, not the secret: a file, a reference, a setting. */
const NOT_THE_SECRET = /_(?:FILES?|PATH|DIR|NAME|REF|KEY_?ID|ID|URL|URI|ENDPOINT|HOST|PORT|TTL|TIMEOUT|EXPIRY|EXPIRATION|LENGTH|LEN|SIZE|COUNT|LIFETIME|AGE|INTERVAL|DURATION|ENABLED|DISABLED|HEADER|TYPE|KIND|MODE|FORMAT|ALGORITHM|ISSUER|AUDIENCE|PROVIDER|BACKEND|STORE|MANAGER|PROJECT|REGION|NAMESPACE|VERSION|SOURCE|LOCATION|MOUNT|POLICY|STRATEGY|METHOD)$/;
/** `scheme://user:password@host`, with a password that is really there. */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s/@]+)@/i;
function looksLikeSetting(value) {
    return /^(?:true|false|yes|no|on|off|none|null|\d+[a-z]*)$/i.test(value) || value.startsWith("/");
}
function credential(name, value) {
    const url = URL_CREDENTIALS.exec(value);
    if (url && !isPlaceholder(url[1]))
        return "a URL with a password";
    const upper = name.toUpperCase().replaceAll("-", "_").replaceAll(".", "_");
    if (SECRET_NAME.test(upper) && !NOT_THE_SECRET.test(upper) && !looksLikeSetting(value))
        return "a literal credential";
    return undefined;
}
/** A credential written into `env[].value` is a plaintext secret in Git, and shows in `kubectl describe`. */
const secretInEnv = {
    id: "secret-in-env",
    defaultSeverity: "error",
    description: "Environment variables must not hold literal credentials; use valueFrom.secretKeyRef.",
    checkResource: eachContainer((location) => listAt(location.container, ["env"]).flatMap((variable, index) => {
        if (!isObj(variable))
            return [];
        const { name, value } = variable;
        if (typeof name !== "string" || typeof value !== "string" || value.trim() === "")
            return [];
        if ((isPlaceholder(value) || isSecretReference(value)) && !URL_CREDENTIALS.test(value))
            return [];
        const what = credential(name, value);
        if (!what)
            return [];
        return [
            {
                message: `${describeContainer(location)} sets ${name} to ${what}; move it to a Secret (SealedSecret or ExternalSecret) and use valueFrom.secretKeyRef`,
                path: [...location.path, "env", index, "value"],
            },
        ];
    })),
};

;// CONCATENATED MODULE: ./src/validate/rules/selector-mismatch.ts


function requirementHolds(operator, key, values, labels) {
    const has = Object.hasOwn(labels, key);
    switch (operator) {
        case "In":
            return has && values.includes(labels[key]);
        case "NotIn":
            return !has || !values.includes(labels[key]);
        case "Exists":
            return has;
        case "DoesNotExist":
            return !has;
        default:
            // An unknown operator is the schema rule's finding, not a mismatch.
            return true;
    }
}
/**
 * A controller whose selector does not match its own pod template is rejected by the API server (apps/v1) or,
 * for older kinds, adopts or orphans the wrong pods. Each selector term that fails is reported where it is.
 */
const selectorMismatch = {
    id: "selector-mismatch",
    defaultSeverity: "error",
    description: "A workload's selector must match the labels of its own pod template.",
    checkResource(resource) {
        const pod = podOf(resource);
        const selectorPath = pod?.selectorPath;
        if (!pod || !selectorPath)
            return [];
        const selector = getAt(resource.object, selectorPath);
        if (!isObj(selector))
            return [];
        const labels = pod.labels;
        const labelsPath = [...pod.templatePath, "metadata", "labels"];
        const violations = [];
        const mismatch = (term, path) => violations.push({
            message: `selector ${term} does not match the pod template's labels (${Object.entries(labels)
                .map(([key, value]) => `${key}=${value}`)
                .join(", ") || "none"}); the controller would not own its own pods — make ${labelsPath.join(".")} carry it`,
            path,
        });
        const plain = pod.plainSelector ? stringMap(selector) : stringMap(selector["matchLabels"]);
        const plainBase = pod.plainSelector ? selectorPath : [...selectorPath, "matchLabels"];
        for (const [key, value] of Object.entries(plain)) {
            if (labels[key] !== value)
                mismatch(`${key}=${value}`, [...plainBase, key]);
        }
        if (!pod.plainSelector) {
            listAt(selector, ["matchExpressions"]).forEach((expression, index) => {
                if (!isObj(expression) || typeof expression["key"] !== "string")
                    return;
                const values = listAt(expression, ["values"]).map(String);
                if (requirementHolds(expression["operator"], expression["key"], values, labels))
                    return;
                mismatch(`"${expression["key"]} ${String(expression["operator"])}${values.length ? ` (${values.join(", ")})` : ""}"`, [...selectorPath, "matchExpressions", index]);
            });
        }
        return violations;
    },
};

;// CONCATENATED MODULE: ./src/validate/rules/symlink.ts
/** Reported by the engine itself (the workspace reader), not by a check over resources. */
const symlink = {
    id: "symlink",
    defaultSeverity: "warning",
    description: "A symbolic link leads outside the workspace or into a loop; it is not followed, so what it points at is not checked.",
};

;// CONCATENATED MODULE: ./src/validate/rules/unknown-field.ts
/** Reported by the engine itself (schema check), not by a check over resources. */
const unknownField = {
    id: "unknown-field",
    defaultSeverity: "error",
    description: "A field the kind's schema does not define: usually a typo or a wrong indentation, ignored by the API server.",
};

;// CONCATENATED MODULE: ./src/validate/rules/unknown-kind.ts
/** Reported by the engine itself (schema check), once per kind, not by a check over resources. */
const unknownKind = {
    id: "unknown-kind",
    defaultSeverity: "warning",
    description: "No schema is known for this apiVersion and kind, so its fields are not checked (reported once per kind; an error with `strict: true`): add its CRD with `crds`, or list the kind under `validate.ignoreKinds`.",
};

;// CONCATENATED MODULE: ./src/validate/rules/yaml-syntax.ts
/** Reported by the engine itself (the loader), not by a check over resources. */
const yamlSyntax = {
    id: "yaml-syntax",
    defaultSeverity: "error",
    description: "A file is not valid YAML; the message says where and what the parser expected.",
};

;// CONCATENATED MODULE: ./src/validate/rules/index.ts




























/** Every rule, engine rules first; ids are unique and stable because users switch rules off by id. */
const rules_rules = [
    yamlSyntax,
    duplicateKey,
    schema_schema,
    unknownField,
    unknownKind,
    removedApi,
    deprecatedApi,
    kustomizeBuild,
    kustomizeRemote,
    symlink,
    duplicateResource,
    latestTag,
    mutableTag,
    missingRequests,
    missingLimits,
    missingProbes,
    runAsRoot,
    privileged,
    privilegeEscalation,
    hostNamespace,
    hostPath,
    plaintextSecret,
    secretInEnv,
    selectorMismatch,
    danglingService,
    hpaTarget,
    argocdAppPath,
    argocdSyncPolicy,
];
function findRule(id) {
    return rules_rules.find((rule) => rule.id === id);
}

;// CONCATENATED MODULE: ./src/validate/schemas/kinds.json
const kinds_namespaceObject = /*#__PURE__*/JSON.parse('{"S2":["admissionregistration.k8s.io/v1","admissionregistration.k8s.io/v1beta1","apiextensions.k8s.io/v1","apiextensions.k8s.io/v1beta1","apiregistration.k8s.io/v1","apiregistration.k8s.io/v1beta1","apps/v1","apps/v1beta1","apps/v1beta2","authentication.k8s.io/v1","authentication.k8s.io/v1beta1","authorization.k8s.io/v1","authorization.k8s.io/v1beta1","autoscaling/v1","autoscaling/v2","autoscaling/v2beta1","autoscaling/v2beta2","batch/v1","batch/v1beta1","certificates.k8s.io/v1","certificates.k8s.io/v1beta1","coordination.k8s.io/v1","coordination.k8s.io/v1beta1","discovery.k8s.io/v1","discovery.k8s.io/v1beta1","events.k8s.io/v1","events.k8s.io/v1beta1","extensions/v1beta1","flowcontrol.apiserver.k8s.io/v1","flowcontrol.apiserver.k8s.io/v1beta1","flowcontrol.apiserver.k8s.io/v1beta2","flowcontrol.apiserver.k8s.io/v1beta3","networking.k8s.io/v1","networking.k8s.io/v1beta1","node.k8s.io/v1","node.k8s.io/v1beta1","policy/v1","policy/v1beta1","rbac.authorization.k8s.io/v1","rbac.authorization.k8s.io/v1beta1","resource.k8s.io/v1","scheduling.k8s.io/v1","scheduling.k8s.io/v1beta1","storage.k8s.io/v1","storage.k8s.io/v1beta1","v1"],"EZ":{"acme.cert-manager.io/v1/Challenge":0,"acme.cert-manager.io/v1/Order":49,"admissionregistration.k8s.io/v1/MutatingAdmissionPolicy":51,"admissionregistration.k8s.io/v1/MutatingAdmissionPolicyBinding":59,"admissionregistration.k8s.io/v1/MutatingWebhookConfiguration":62,"admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy":67,"admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding":71,"admissionregistration.k8s.io/v1/ValidatingWebhookConfiguration":73,"admissionregistration.k8s.io/v1beta1/MutatingWebhookConfiguration":75,"admissionregistration.k8s.io/v1beta1/ValidatingWebhookConfiguration":78,"apiextensions.k8s.io/v1/CustomResourceDefinition":80,"apiextensions.k8s.io/v1beta1/CustomResourceDefinition":94,"apiregistration.k8s.io/v1/APIService":101,"apiregistration.k8s.io/v1beta1/APIService":104,"apps/v1/ControllerRevision":105,"apps/v1/DaemonSet":106,"apps/v1/Deployment":193,"apps/v1/ReplicaSet":196,"apps/v1/StatefulSet":198,"apps/v1beta1/ControllerRevision":208,"apps/v1beta1/Deployment":209,"apps/v1beta1/DeploymentRollback":213,"apps/v1beta1/Scale":214,"apps/v1beta1/StatefulSet":216,"apps/v1beta2/ControllerRevision":221,"apps/v1beta2/DaemonSet":222,"apps/v1beta2/Deployment":226,"apps/v1beta2/ReplicaSet":228,"apps/v1beta2/Scale":229,"apps/v1beta2/StatefulSet":230,"argoproj.io/v1alpha1/AnalysisRun":232,"argoproj.io/v1alpha1/AnalysisTemplate":272,"argoproj.io/v1alpha1/Application":275,"argoproj.io/v1alpha1/ApplicationSet":306,"argoproj.io/v1alpha1/AppProject":350,"argoproj.io/v1alpha1/ClusterAnalysisTemplate":361,"argoproj.io/v1alpha1/ClusterWorkflowTemplate":362,"argoproj.io/v1alpha1/CronWorkflow":436,"argoproj.io/v1alpha1/Experiment":438,"argoproj.io/v1alpha1/Rollout":442,"argoproj.io/v1alpha1/Workflow":487,"argoproj.io/v1alpha1/WorkflowArtifactGCTask":488,"argoproj.io/v1alpha1/WorkflowEventBinding":491,"argoproj.io/v1alpha1/WorkflowTaskResult":495,"argoproj.io/v1alpha1/WorkflowTaskSet":496,"argoproj.io/v1alpha1/WorkflowTemplate":498,"authentication.k8s.io/v1/SelfSubjectReview":499,"authentication.k8s.io/v1/TokenRequest":500,"authentication.k8s.io/v1/TokenReview":503,"authentication.k8s.io/v1beta1/TokenReview":505,"authorization.k8s.io/v1/LocalSubjectAccessReview":507,"authorization.k8s.io/v1/SelfSubjectAccessReview":512,"authorization.k8s.io/v1/SelfSubjectRulesReview":514,"authorization.k8s.io/v1/SubjectAccessReview":516,"authorization.k8s.io/v1beta1/LocalSubjectAccessReview":517,"authorization.k8s.io/v1beta1/SelfSubjectAccessReview":520,"authorization.k8s.io/v1beta1/SelfSubjectRulesReview":522,"authorization.k8s.io/v1beta1/SubjectAccessReview":523,"autoscaling/v1/HorizontalPodAutoscaler":524,"autoscaling/v1/Scale":527,"autoscaling/v2/HorizontalPodAutoscaler":528,"autoscaling/v2beta1/HorizontalPodAutoscaler":540,"autoscaling/v2beta2/HorizontalPodAutoscaler":548,"awspca.cert-manager.io/v1beta1/AWSPCAClusterIssuer":552,"awspca.cert-manager.io/v1beta1/AWSPCAIssuer":555,"batch/v1/CronJob":556,"batch/v1/Job":559,"batch/v1beta1/CronJob":560,"bitnami.com/v1alpha1/SealedSecret":562,"cert-manager.io/v1/Certificate":565,"cert-manager.io/v1/CertificateRequest":576,"cert-manager.io/v1/ClusterIssuer":578,"cert-manager.io/v1/Issuer":592,"certificates.k8s.io/v1/CertificateSigningRequest":593,"certificates.k8s.io/v1beta1/CertificateSigningRequest":595,"coordination.k8s.io/v1/Lease":597,"coordination.k8s.io/v1beta1/Lease":599,"discovery.k8s.io/v1/EndpointSlice":601,"discovery.k8s.io/v1beta1/EndpointSlice":607,"eventing.keda.sh/v1alpha1/CloudEventSource":611,"eventing.keda.sh/v1alpha1/ClusterCloudEventSource":618,"eventing.knative.dev/v1/Broker":619,"eventing.knative.dev/v1/Trigger":624,"eventing.knative.dev/v1alpha1/EventPolicy":628,"eventing.knative.dev/v1alpha1/EventPolicySelector":633,"eventing.knative.dev/v1alpha1/EventTransform":634,"eventing.knative.dev/v1alpha1/RequestReply":637,"eventing.knative.dev/v1beta1/EventType":639,"eventing.knative.dev/v1beta2/EventType":641,"eventing.knative.dev/v1beta3/EventType":642,"events.k8s.io/v1/Event":645,"events.k8s.io/v1beta1/Event":648,"extensions.istio.io/v1alpha1/WasmPlugin":649,"extensions/v1beta1/DaemonSet":656,"extensions/v1beta1/Deployment":658,"extensions/v1beta1/DeploymentRollback":659,"extensions/v1beta1/Ingress":660,"extensions/v1beta1/NetworkPolicy":667,"extensions/v1beta1/PodSecurityPolicy":674,"extensions/v1beta1/ReplicaSet":683,"extensions/v1beta1/Scale":685,"external-secrets.io/v1/ClusterExternalSecret":686,"external-secrets.io/v1/ClusterSecretStore":705,"external-secrets.io/v1/ExternalSecret":815,"external-secrets.io/v1/SecretStore":816,"external-secrets.io/v1alpha1/ClusterPushSecret":817,"external-secrets.io/v1alpha1/PushSecret":826,"external-secrets.io/v1beta1/ClusterExternalSecret":827,"external-secrets.io/v1beta1/ClusterSecretStore":828,"external-secrets.io/v1beta1/ExternalSecret":829,"external-secrets.io/v1beta1/SecretStore":830,"flowcontrol.apiserver.k8s.io/v1/FlowSchema":831,"flowcontrol.apiserver.k8s.io/v1/PriorityLevelConfiguration":839,"flowcontrol.apiserver.k8s.io/v1beta1/FlowSchema":845,"flowcontrol.apiserver.k8s.io/v1beta1/PriorityLevelConfiguration":846,"flowcontrol.apiserver.k8s.io/v1beta2/FlowSchema":849,"flowcontrol.apiserver.k8s.io/v1beta2/PriorityLevelConfiguration":850,"flowcontrol.apiserver.k8s.io/v1beta3/FlowSchema":853,"flowcontrol.apiserver.k8s.io/v1beta3/PriorityLevelConfiguration":854,"flows.knative.dev/v1/Parallel":855,"flows.knative.dev/v1/Sequence":859,"gateway.networking.k8s.io/v1/BackendTLSPolicy":862,"gateway.networking.k8s.io/v1/Gateway":868,"gateway.networking.k8s.io/v1/GatewayClass":886,"gateway.networking.k8s.io/v1/GRPCRoute":888,"gateway.networking.k8s.io/v1/HTTPRoute":902,"gateway.networking.k8s.io/v1/ListenerSet":919,"gateway.networking.k8s.io/v1/ReferenceGrant":921,"gateway.networking.k8s.io/v1/TLSRoute":924,"gateway.networking.k8s.io/v1alpha2/GRPCRoute":928,"gateway.networking.k8s.io/v1alpha2/ReferenceGrant":929,"gateway.networking.k8s.io/v1alpha2/TCPRoute":930,"gateway.networking.k8s.io/v1alpha2/TLSRoute":932,"gateway.networking.k8s.io/v1alpha2/UDPRoute":934,"gateway.networking.k8s.io/v1alpha3/BackendTLSPolicy":935,"gateway.networking.k8s.io/v1alpha3/TLSRoute":936,"gateway.networking.k8s.io/v1beta1/Gateway":937,"gateway.networking.k8s.io/v1beta1/GatewayClass":938,"gateway.networking.k8s.io/v1beta1/HTTPRoute":939,"gateway.networking.k8s.io/v1beta1/ReferenceGrant":940,"gateway.networking.x-k8s.io/v1alpha1/XBackendTrafficPolicy":941,"gateway.networking.x-k8s.io/v1alpha1/XMesh":946,"generators.external-secrets.io/v1alpha1/ACRAccessToken":947,"generators.external-secrets.io/v1alpha1/ClusterGenerator":953,"generators.external-secrets.io/v1alpha1/ECRAuthorizationToken":976,"generators.external-secrets.io/v1alpha1/Fake":977,"generators.external-secrets.io/v1alpha1/GCRAccessToken":978,"generators.external-secrets.io/v1alpha1/GeneratorState":979,"generators.external-secrets.io/v1alpha1/GithubAccessToken":981,"generators.external-secrets.io/v1alpha1/Grafana":982,"generators.external-secrets.io/v1alpha1/Password":983,"generators.external-secrets.io/v1alpha1/QuayAccessToken":984,"generators.external-secrets.io/v1alpha1/STSSessionToken":985,"generators.external-secrets.io/v1alpha1/UUID":986,"generators.external-secrets.io/v1alpha1/VaultDynamicSecret":987,"generators.external-secrets.io/v1alpha1/Webhook":988,"helm.toolkit.fluxcd.io/v2/HelmRelease":989,"helm.toolkit.fluxcd.io/v2beta1/HelmRelease":1016,"helm.toolkit.fluxcd.io/v2beta2/HelmRelease":1030,"image.toolkit.fluxcd.io/v1/ImagePolicy":1035,"image.toolkit.fluxcd.io/v1/ImageRepository":1041,"image.toolkit.fluxcd.io/v1/ImageUpdateAutomation":1044,"image.toolkit.fluxcd.io/v1beta1/ImagePolicy":1055,"image.toolkit.fluxcd.io/v1beta1/ImageRepository":1057,"image.toolkit.fluxcd.io/v1beta1/ImageUpdateAutomation":1059,"image.toolkit.fluxcd.io/v1beta2/ImagePolicy":1064,"image.toolkit.fluxcd.io/v1beta2/ImageRepository":1065,"image.toolkit.fluxcd.io/v1beta2/ImageUpdateAutomation":1066,"install.istio.io/v1alpha1/IstioOperator":1067,"karpenter.k8s.aws/v1/EC2NodeClass":1068,"karpenter.sh/v1/NodeClaim":1080,"karpenter.sh/v1/NodePool":1085,"karpenter.sh/v1alpha1/NodeOverlay":1091,"keda.sh/v1alpha1/ClusterTriggerAuthentication":1093,"keda.sh/v1alpha1/ScaledJob":1115,"keda.sh/v1alpha1/ScaledObject":1120,"keda.sh/v1alpha1/TriggerAuthentication":1127,"keda.sh/v1alpha1/WithTriggers":1128,"kustomize.toolkit.fluxcd.io/v1/Kustomization":1130,"kustomize.toolkit.fluxcd.io/v1beta1/Kustomization":1136,"kustomize.toolkit.fluxcd.io/v1beta2/Kustomization":1142,"messaging.knative.dev/v1/Channel":1145,"messaging.knative.dev/v1/ChannelTemplateSpec":858,"messaging.knative.dev/v1/InMemoryChannel":1149,"messaging.knative.dev/v1/Subscription":1151,"monitoring.coreos.com/v1/Alertmanager":1153,"monitoring.coreos.com/v1/EmbeddedPersistentVolumeClaim":1179,"monitoring.coreos.com/v1/PodMonitor":1184,"monitoring.coreos.com/v1/Probe":1190,"monitoring.coreos.com/v1/Prometheus":1197,"monitoring.coreos.com/v1/PrometheusRule":1233,"monitoring.coreos.com/v1/ServiceMonitor":1237,"monitoring.coreos.com/v1/ThanosRuler":1240,"monitoring.coreos.com/v1alpha1/AlertmanagerConfig":1243,"monitoring.coreos.com/v1alpha1/PrometheusAgent":1278,"monitoring.coreos.com/v1alpha1/ScrapeConfig":1280,"monitoring.coreos.com/v1beta1/AlertmanagerConfig":1308,"networking.istio.io/v1/DestinationRule":1330,"networking.istio.io/v1/Gateway":1345,"networking.istio.io/v1/ServiceEntry":1351,"networking.istio.io/v1/Sidecar":1356,"networking.istio.io/v1/VirtualService":1363,"networking.istio.io/v1/WorkloadEntry":1384,"networking.istio.io/v1/WorkloadGroup":1385,"networking.istio.io/v1alpha3/DestinationRule":1387,"networking.istio.io/v1alpha3/EnvoyFilter":1388,"networking.istio.io/v1alpha3/Gateway":1392,"networking.istio.io/v1alpha3/ServiceEntry":1393,"networking.istio.io/v1alpha3/Sidecar":1394,"networking.istio.io/v1alpha3/VirtualService":1395,"networking.istio.io/v1alpha3/WorkloadEntry":1396,"networking.istio.io/v1alpha3/WorkloadGroup":1397,"networking.istio.io/v1beta1/DestinationRule":1398,"networking.istio.io/v1beta1/Gateway":1399,"networking.istio.io/v1beta1/ProxyConfig":1400,"networking.istio.io/v1beta1/ServiceEntry":1403,"networking.istio.io/v1beta1/Sidecar":1404,"networking.istio.io/v1beta1/VirtualService":1405,"networking.istio.io/v1beta1/WorkloadEntry":1406,"networking.istio.io/v1beta1/WorkloadGroup":1407,"networking.k8s.io/v1/Ingress":1408,"networking.k8s.io/v1/IngressClass":1416,"networking.k8s.io/v1/IPAddress":1419,"networking.k8s.io/v1/NetworkPolicy":1422,"networking.k8s.io/v1/ServiceCIDR":1427,"networking.k8s.io/v1beta1/Ingress":1429,"networking.k8s.io/v1beta1/IngressClass":1430,"node.k8s.io/v1/RuntimeClass":1431,"node.k8s.io/v1beta1/RuntimeClass":1434,"notification.toolkit.fluxcd.io/v1/Receiver":1435,"notification.toolkit.fluxcd.io/v1beta1/Alert":1438,"notification.toolkit.fluxcd.io/v1beta1/Provider":1440,"notification.toolkit.fluxcd.io/v1beta1/Receiver":1442,"notification.toolkit.fluxcd.io/v1beta2/Alert":1444,"notification.toolkit.fluxcd.io/v1beta2/Provider":1446,"notification.toolkit.fluxcd.io/v1beta2/Receiver":1448,"notification.toolkit.fluxcd.io/v1beta3/Alert":1450,"notification.toolkit.fluxcd.io/v1beta3/Provider":1451,"operator.knative.dev/v1beta1/KnativeEventing":1453,"operator.knative.dev/v1beta1/KnativeServing":1466,"policy.cert-manager.io/v1alpha1/CertificateRequestPolicy":1478,"policy/v1/Eviction":1490,"policy/v1/PodDisruptionBudget":1493,"policy/v1beta1/Eviction":1494,"policy/v1beta1/PodDisruptionBudget":1495,"policy/v1beta1/PodSecurityPolicy":1497,"rbac.authorization.k8s.io/v1/ClusterRole":1498,"rbac.authorization.k8s.io/v1/ClusterRoleBinding":1501,"rbac.authorization.k8s.io/v1/Role":1502,"rbac.authorization.k8s.io/v1/RoleBinding":1503,"rbac.authorization.k8s.io/v1beta1/ClusterRole":1504,"rbac.authorization.k8s.io/v1beta1/ClusterRoleBinding":1505,"rbac.authorization.k8s.io/v1beta1/Role":1507,"rbac.authorization.k8s.io/v1beta1/RoleBinding":1508,"resource.k8s.io/v1/DeviceClass":1509,"resource.k8s.io/v1/ResourceClaim":1514,"resource.k8s.io/v1/ResourceClaimTemplate":1523,"resource.k8s.io/v1/ResourceSlice":1525,"scheduling.k8s.io/v1/PriorityClass":1538,"scheduling.k8s.io/v1beta1/PriorityClass":1539,"security.istio.io/v1/AuthorizationPolicy":1540,"security.istio.io/v1/PeerAuthentication":1541,"security.istio.io/v1/RequestAuthentication":1544,"security.istio.io/v1beta1/AuthorizationPolicy":1549,"security.istio.io/v1beta1/PeerAuthentication":1550,"security.istio.io/v1beta1/RequestAuthentication":1551,"serving.knative.dev/v1/Configuration":1552,"serving.knative.dev/v1/Revision":1556,"serving.knative.dev/v1/Route":1557,"serving.knative.dev/v1/Service":1560,"serving.knative.dev/v1beta1/DomainMapping":1562,"sinks.knative.dev/v1alpha1/IntegrationSink":1565,"sinks.knative.dev/v1alpha1/JobSink":1574,"source.toolkit.fluxcd.io/v1/Bucket":1576,"source.toolkit.fluxcd.io/v1/ExternalArtifact":1579,"source.toolkit.fluxcd.io/v1/GitRepository":1581,"source.toolkit.fluxcd.io/v1/HelmChart":1585,"source.toolkit.fluxcd.io/v1/HelmRepository":1590,"source.toolkit.fluxcd.io/v1/OCIRepository":1592,"source.toolkit.fluxcd.io/v1beta1/Bucket":1596,"source.toolkit.fluxcd.io/v1beta1/GitRepository":1598,"source.toolkit.fluxcd.io/v1beta1/HelmChart":1602,"source.toolkit.fluxcd.io/v1beta1/HelmRepository":1604,"source.toolkit.fluxcd.io/v1beta2/Bucket":1606,"source.toolkit.fluxcd.io/v1beta2/GitRepository":1608,"source.toolkit.fluxcd.io/v1beta2/HelmChart":1611,"source.toolkit.fluxcd.io/v1beta2/HelmRepository":1613,"source.toolkit.fluxcd.io/v1beta2/OCIRepository":1614,"sources.knative.dev/v1/ApiServerSource":1615,"sources.knative.dev/v1/ContainerSource":1620,"sources.knative.dev/v1/PingSource":1622,"sources.knative.dev/v1/SinkBinding":1624,"sources.knative.dev/v1alpha1/IntegrationSource":1627,"sources.knative.dev/v1beta2/PingSource":1632,"storage.k8s.io/v1/CSIDriver":1633,"storage.k8s.io/v1/CSINode":1636,"storage.k8s.io/v1/CSIStorageCapacity":1640,"storage.k8s.io/v1/StorageClass":1641,"storage.k8s.io/v1/VolumeAttachment":1644,"storage.k8s.io/v1/VolumeAttributesClass":1660,"storage.k8s.io/v1beta1/CSIDriver":1661,"storage.k8s.io/v1beta1/CSINode":1663,"storage.k8s.io/v1beta1/CSIStorageCapacity":1664,"storage.k8s.io/v1beta1/StorageClass":1665,"storage.k8s.io/v1beta1/VolumeAttachment":1666,"telemetry.istio.io/v1/Telemetry":1667,"telemetry.istio.io/v1alpha1/Telemetry":1675,"traefik.io/v1alpha1/IngressRoute":1676,"traefik.io/v1alpha1/IngressRouteTCP":1688,"traefik.io/v1alpha1/IngressRouteUDP":1694,"traefik.io/v1alpha1/Middleware":1698,"traefik.io/v1alpha1/MiddlewareTCP":1732,"traefik.io/v1alpha1/ServersTransport":1736,"traefik.io/v1alpha1/ServersTransportTCP":1741,"traefik.io/v1alpha1/TLSOption":1744,"traefik.io/v1alpha1/TLSStore":1747,"traefik.io/v1alpha1/TraefikService":1750,"trust-manager.io/v1alpha2/ClusterBundle":1758,"trust.cert-manager.io/v1alpha1/Bundle":1765,"v1/Binding":1774,"v1/ComponentStatus":1775,"v1/ConfigMap":1777,"v1/Endpoints":1778,"v1/Event":1782,"v1/LimitRange":1784,"v1/Namespace":1787,"v1/Node":1789,"v1/PersistentVolume":1793,"v1/PersistentVolumeClaim":220,"v1/Pod":1794,"v1/PodTemplate":1795,"v1/ReplicationController":1796,"v1/ResourceQuota":1798,"v1/Secret":1802,"v1/Service":1803,"v1/ServiceAccount":1808},"gK":[{"p":{"apiVersion":{"e":["acme.cert-manager.io/v1"]},"kind":{"e":["Challenge"]},"metadata":1,"spec":4,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"annotations":{"m":"s"},"creationTimestamp":"s","deletionGracePeriodSeconds":"n","deletionTimestamp":"s","finalizers":{"a":"s"},"generateName":"s","generation":"n","labels":{"m":"s"},"managedFields":{"a":2},"name":"s","namespace":"s","ownerReferences":{"a":3},"resourceVersion":"s","selfLink":"s","uid":"s"}},{"p":{"apiVersion":"s","fieldsType":"s","fieldsV1":"*","manager":"s","operation":"s","subresource":"s","time":"s"}},{"p":{"apiVersion":"s","blockOwnerDeletion":"b","controller":"b","kind":"s","name":"s","uid":"s"},"r":["apiVersion","kind","name","uid"]},{"p":{"authorizationURL":"s","dnsName":"s","issuerRef":5,"key":"s","solver":6,"token":"s","type":{"e":["DNS-01","HTTP-01"]},"url":"s","wildcard":"b"},"r":["authorizationURL","dnsName","issuerRef","key","solver","token","type","url"]},{"p":{"group":"s","kind":"s","name":"s"},"r":["name"]},{"p":{"dns01":7,"http01":22,"selector":48}},{"p":{"acmeDNS":8,"akamai":10,"azureDNS":11,"cloudDNS":13,"cloudflare":14,"cnameStrategy":{"e":["Follow","None"]},"digitalocean":15,"rfc2136":16,"route53":17,"webhook":21}},{"p":{"accountSecretRef":9,"host":"s"},"r":["accountSecretRef","host"]},{"p":{"key":"s","name":"s"},"r":["name"]},{"p":{"accessTokenSecretRef":9,"clientSecretSecretRef":9,"clientTokenSecretRef":9,"serviceConsumerDomain":"s"},"r":["accessTokenSecretRef","clientSecretSecretRef","clientTokenSecretRef","serviceConsumerDomain"]},{"p":{"clientID":"s","clientSecretSecretRef":9,"environment":{"e":["AzureChinaCloud","AzureGermanCloud","AzurePublicCloud","AzureUSGovernmentCloud"]},"hostedZoneName":"s","managedIdentity":12,"resourceGroupName":"s","subscriptionID":"s","tenantID":"s","zoneType":{"e":["AzurePrivateZone","AzurePublicZone"]}},"r":["resourceGroupName","subscriptionID"]},{"p":{"clientID":"s","resourceID":"s","tenantID":"s"}},{"p":{"hostedZoneName":"s","project":"s","serviceAccountSecretRef":9},"r":["project"]},{"p":{"apiKeySecretRef":9,"apiTokenSecretRef":9,"email":"s"}},{"p":{"tokenSecretRef":9},"r":["tokenSecretRef"]},{"p":{"nameserver":"s","protocol":{"e":["TCP","UDP"]},"tsigAlgorithm":"s","tsigKeyName":"s","tsigSecretSecretRef":9},"r":["nameserver"]},{"p":{"accessKeyID":"s","accessKeyIDSecretRef":9,"auth":18,"hostedZoneID":"s","region":"s","role":"s","secretAccessKeySecretRef":9}},{"p":{"kubernetes":19},"r":["kubernetes"]},{"p":{"serviceAccountRef":20},"r":["serviceAccountRef"]},{"p":{"audiences":{"a":"s"},"name":"s"},"r":["name"]},{"p":{"config":"*","groupName":"s","solverName":"s"},"r":["groupName","solverName"]},{"p":{"gatewayHTTPRoute":23,"ingress":46}},{"p":{"labels":{"m":"s"},"parentRefs":{"a":24},"podTemplate":25,"serviceType":{"e":["ClusterIP","ExternalName","LoadBalancer","NodePort"]}}},{"p":{"group":"s","kind":"s","name":"s","namespace":"s","port":"n","sectionName":"s"},"r":["name"]},{"p":{"metadata":26,"spec":27}},{"p":{"annotations":{"m":"s"},"labels":{"m":"s"}}},{"p":{"affinity":28,"imagePullSecrets":{"a":39},"nodeSelector":{"m":"s"},"priorityClassName":"s","resources":40,"securityContext":41,"serviceAccountName":"s","tolerations":{"a":45}}},{"p":{"nodeAffinity":29,"podAffinity":34,"podAntiAffinity":34}},{"p":{"preferredDuringSchedulingIgnoredDuringExecution":{"a":30},"requiredDuringSchedulingIgnoredDuringExecution":33}},{"p":{"preference":31,"weight":"n"},"r":["preference","weight"]},{"p":{"matchExpressions":{"a":32},"matchFields":{"a":32}}},{"p":{"key":"s","operator":{"e":["DoesNotExist","Exists","Gt","In","Lt","NotIn"]},"values":{"a":"s"}},"r":["key","operator"]},{"p":{"nodeSelectorTerms":{"a":31}},"r":["nodeSelectorTerms"]},{"p":{"preferredDuringSchedulingIgnoredDuringExecution":{"a":35},"requiredDuringSchedulingIgnoredDuringExecution":{"a":36}}},{"p":{"podAffinityTerm":36,"weight":"n"},"r":["podAffinityTerm","weight"]},{"p":{"labelSelector":37,"matchLabelKeys":{"a":"s"},"mismatchLabelKeys":{"a":"s"},"namespaceSelector":37,"namespaces":{"a":"s"},"topologyKey":"s"},"r":["topologyKey"]},{"p":{"matchExpressions":{"a":38},"matchLabels":{"m":"s"}}},{"p":{"key":"s","operator":"s","values":{"a":"s"}},"r":["key","operator"]},{"p":{"name":"s"}},{"p":{"limits":{"m":"x"},"requests":{"m":"x"}}},{"p":{"fsGroup":"n","fsGroupChangePolicy":{"e":["Always","OnRootMismatch"]},"runAsGroup":"n","runAsNonRoot":"b","runAsUser":"n","seLinuxOptions":42,"seccompProfile":43,"supplementalGroups":{"a":"n"},"sysctls":{"a":44}}},{"p":{"level":"s","role":"s","type":"s","user":"s"}},{"p":{"localhostProfile":"s","type":{"e":["Localhost","RuntimeDefault","Unconfined"]}},"r":["type"]},{"p":{"name":"s","value":"s"},"r":["name","value"]},{"p":{"effect":{"e":["NoExecute","NoSchedule","PreferNoSchedule"]},"key":"s","operator":{"e":["Equal","Exists","Gt","Lt"]},"tolerationSeconds":"n","value":"s"}},{"p":{"class":"s","ingressClassName":"s","ingressTemplate":47,"name":"s","podTemplate":25,"serviceType":{"e":["ClusterIP","ExternalName","LoadBalancer","NodePort"]}}},{"p":{"metadata":26}},{"p":{"dnsNames":{"a":"s"},"dnsZones":{"a":"s"},"matchLabels":{"m":"s"}}},{"p":{"apiVersion":{"e":["acme.cert-manager.io/v1"]},"kind":{"e":["Order"]},"metadata":1,"spec":50,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"commonName":"s","dnsNames":{"a":"s"},"duration":"s","ipAddresses":{"a":"s"},"issuerRef":5,"profile":"s","request":"s"},"r":["issuerRef","request"]},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1"]},"kind":{"e":["MutatingAdmissionPolicy"]},"metadata":1,"spec":52},"r":["apiVersion","kind"]},{"p":{"failurePolicy":{"e":["Fail","Ignore"]},"matchConditions":{"a":53},"matchConstraints":54,"mutations":{"a":56},"paramKind":58,"reinvocationPolicy":{"e":["IfNeeded","Never"]},"variables":{"a":53}}},{"p":{"expression":"s","name":"s"},"r":["expression","name"]},{"p":{"excludeResourceRules":{"a":55},"matchPolicy":{"e":["Equivalent","Exact"]},"namespaceSelector":37,"objectSelector":37,"resourceRules":{"a":55}}},{"p":{"apiGroups":{"a":"s"},"apiVersions":{"a":"s"},"operations":{"a":{"e":["*","CONNECT","CREATE","DELETE","UPDATE"]}},"resourceNames":{"a":"s"},"resources":{"a":"s"},"scope":{"e":["*","Cluster","Namespaced"]}}},{"p":{"applyConfiguration":57,"jsonPatch":57,"patchType":{"e":["ApplyConfiguration","JSONPatch"]}},"r":["patchType"]},{"p":{"expression":"s"}},{"p":{"apiVersion":"s","kind":"s"}},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1"]},"kind":{"e":["MutatingAdmissionPolicyBinding"]},"metadata":1,"spec":60},"r":["apiVersion","kind"]},{"p":{"matchResources":54,"paramRef":61,"policyName":"s"}},{"p":{"name":"s","namespace":"s","parameterNotFoundAction":"s","selector":37}},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1"]},"kind":{"e":["MutatingWebhookConfiguration"]},"metadata":1,"webhooks":{"a":63}},"r":["apiVersion","kind"]},{"p":{"admissionReviewVersions":{"a":"s"},"clientConfig":64,"failurePolicy":{"e":["Fail","Ignore"]},"matchConditions":{"a":53},"matchPolicy":{"e":["Equivalent","Exact"]},"name":"s","namespaceSelector":37,"objectSelector":37,"reinvocationPolicy":{"e":["IfNeeded","Never"]},"rules":{"a":66},"sideEffects":{"e":["None","NoneOnDryRun","Some","Unknown"]},"timeoutSeconds":"n"},"r":["admissionReviewVersions","clientConfig","name","sideEffects"]},{"p":{"caBundle":"s","service":65,"url":"s"}},{"p":{"name":"s","namespace":"s","path":"s","port":"n"},"r":["name","namespace"]},{"p":{"apiGroups":{"a":"s"},"apiVersions":{"a":"s"},"operations":{"a":{"e":["*","CONNECT","CREATE","DELETE","UPDATE"]}},"resources":{"a":"s"},"scope":{"e":["*","Cluster","Namespaced"]}}},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1"]},"kind":{"e":["ValidatingAdmissionPolicy"]},"metadata":1,"spec":68,"status":"*"},"r":["apiVersion","kind"]},{"p":{"auditAnnotations":{"a":69},"failurePolicy":{"e":["Fail","Ignore"]},"matchConditions":{"a":53},"matchConstraints":54,"paramKind":58,"validations":{"a":70},"variables":{"a":53}}},{"p":{"key":"s","valueExpression":"s"},"r":["key","valueExpression"]},{"p":{"expression":"s","message":"s","messageExpression":"s","reason":"s"},"r":["expression"]},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1"]},"kind":{"e":["ValidatingAdmissionPolicyBinding"]},"metadata":1,"spec":72},"r":["apiVersion","kind","spec"]},{"p":{"matchResources":54,"paramRef":61,"policyName":"s","validationActions":{"a":{"e":["Audit","Deny","Warn"]}}},"r":["policyName","validationActions"]},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1"]},"kind":{"e":["ValidatingWebhookConfiguration"]},"metadata":1,"webhooks":{"a":74}},"r":["apiVersion","kind"]},{"p":{"admissionReviewVersions":{"a":"s"},"clientConfig":64,"failurePolicy":{"e":["Fail","Ignore"]},"matchConditions":{"a":53},"matchPolicy":{"e":["Equivalent","Exact"]},"name":"s","namespaceSelector":37,"objectSelector":37,"rules":{"a":66},"sideEffects":{"e":["None","NoneOnDryRun","Some","Unknown"]},"timeoutSeconds":"n"},"r":["admissionReviewVersions","clientConfig","name","sideEffects"]},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1beta1"]},"kind":{"e":["MutatingWebhookConfiguration"]},"metadata":1,"webhooks":{"a":76}},"r":["apiVersion","kind"]},{"p":{"admissionReviewVersions":{"a":"s"},"clientConfig":64,"failurePolicy":"s","matchPolicy":"s","name":"s","namespaceSelector":37,"objectSelector":37,"reinvocationPolicy":"s","rules":{"a":77},"sideEffects":"s","timeoutSeconds":"n"},"r":["clientConfig","name"]},{"p":{"apiGroups":{"a":"s"},"apiVersions":{"a":"s"},"operations":{"a":"s"},"resources":{"a":"s"},"scope":"s"}},{"p":{"apiVersion":{"e":["admissionregistration.k8s.io/v1beta1"]},"kind":{"e":["ValidatingWebhookConfiguration"]},"metadata":1,"webhooks":{"a":79}},"r":["apiVersion","kind"]},{"p":{"admissionReviewVersions":{"a":"s"},"clientConfig":64,"failurePolicy":"s","matchPolicy":"s","name":"s","namespaceSelector":37,"objectSelector":37,"rules":{"a":77},"sideEffects":"s","timeoutSeconds":"n"},"r":["clientConfig","name"]},{"p":{"apiVersion":{"e":["apiextensions.k8s.io/v1"]},"kind":{"e":["CustomResourceDefinition"]},"metadata":1,"spec":81,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"conversion":82,"group":"s","names":84,"preserveUnknownFields":"b","scope":"s","versions":{"a":85}},"r":["group","names","scope","versions"]},{"p":{"strategy":"s","webhook":83},"r":["strategy"]},{"p":{"clientConfig":64,"conversionReviewVersions":{"a":"s"}},"r":["conversionReviewVersions"]},{"p":{"categories":{"a":"s"},"kind":"s","listKind":"s","plural":"s","shortNames":{"a":"s"},"singular":"s"},"r":["kind","plural"]},{"p":{"additionalPrinterColumns":{"a":86},"deprecated":"b","deprecationWarning":"s","name":"s","schema":87,"selectableFields":{"a":91},"served":"b","storage":"b","subresources":92},"r":["name","served","storage"]},{"p":{"description":"s","format":"s","jsonPath":"s","name":"s","priority":"n","type":"s"},"r":["jsonPath","name","type"]},{"p":{"openAPIV3Schema":88}},{"p":{"$ref":"s","$schema":"s","additionalItems":"*","additionalProperties":"*","allOf":{"a":88},"anyOf":{"a":88},"default":"*","definitions":{"m":88},"dependencies":{"m":"*"},"description":"s","enum":{"a":"*"},"example":"*","exclusiveMaximum":"b","exclusiveMinimum":"b","externalDocs":89,"format":"s","id":"s","items":"*","maxItems":"n","maxLength":"n","maxProperties":"n","maximum":"n","minItems":"n","minLength":"n","minProperties":"n","minimum":"n","multipleOf":"n","not":88,"nullable":"b","oneOf":{"a":88},"pattern":"s","patternProperties":{"m":88},"properties":{"m":88},"required":{"a":"s"},"title":"s","type":"s","uniqueItems":"b","x-kubernetes-embedded-resource":"b","x-kubernetes-int-or-string":"b","x-kubernetes-list-map-keys":{"a":"s"},"x-kubernetes-list-type":"s","x-kubernetes-map-type":"s","x-kubernetes-preserve-unknown-fields":"b","x-kubernetes-validations":{"a":90}}},{"p":{"description":"s","url":"s"}},{"p":{"fieldPath":"s","message":"s","messageExpression":"s","optionalOldSelf":"b","reason":{"e":["FieldValueDuplicate","FieldValueForbidden","FieldValueInvalid","FieldValueRequired"]},"rule":"s"},"r":["rule"]},{"p":{"jsonPath":"s"},"r":["jsonPath"]},{"p":{"scale":93,"status":"*"}},{"p":{"labelSelectorPath":"s","specReplicasPath":"s","statusReplicasPath":"s"},"r":["specReplicasPath","statusReplicasPath"]},{"p":{"apiVersion":{"e":["apiextensions.k8s.io/v1beta1"]},"kind":{"e":["CustomResourceDefinition"]},"metadata":1,"spec":95,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"additionalPrinterColumns":{"a":96},"conversion":97,"group":"s","names":84,"preserveUnknownFields":"b","scope":"s","subresources":92,"validation":98,"version":"s","versions":{"a":100}},"r":["group","names","scope"]},{"p":{"JSONPath":"s","description":"s","format":"s","name":"s","priority":"n","type":"s"},"r":["JSONPath","name","type"]},{"p":{"conversionReviewVersions":{"a":"s"},"strategy":"s","webhookClientConfig":64},"r":["strategy"]},{"p":{"openAPIV3Schema":99}},{"p":{"$ref":"s","$schema":"s","additionalItems":"*","additionalProperties":"*","allOf":{"a":99},"anyOf":{"a":99},"default":"*","definitions":{"m":99},"dependencies":{"m":"*"},"description":"s","enum":{"a":"*"},"example":"*","exclusiveMaximum":"b","exclusiveMinimum":"b","externalDocs":89,"format":"s","id":"s","items":"*","maxItems":"n","maxLength":"n","maxProperties":"n","maximum":"n","minItems":"n","minLength":"n","minProperties":"n","minimum":"n","multipleOf":"n","not":99,"nullable":"b","oneOf":{"a":99},"pattern":"s","patternProperties":{"m":99},"properties":{"m":99},"required":{"a":"s"},"title":"s","type":"s","uniqueItems":"b","x-kubernetes-embedded-resource":"b","x-kubernetes-int-or-string":"b","x-kubernetes-list-map-keys":{"a":"s"},"x-kubernetes-list-type":"s","x-kubernetes-map-type":"s","x-kubernetes-preserve-unknown-fields":"b"}},{"p":{"additionalPrinterColumns":{"a":96},"deprecated":"b","deprecationWarning":"s","name":"s","schema":98,"served":"b","storage":"b","subresources":92},"r":["name","served","storage"]},{"p":{"apiVersion":{"e":["apiregistration.k8s.io/v1"]},"kind":{"e":["APIService"]},"metadata":1,"spec":102,"status":"*"},"r":["apiVersion","kind"]},{"p":{"caBundle":"s","group":"s","groupPriorityMinimum":"n","insecureSkipTLSVerify":"b","service":103,"version":"s","versionPriority":"n"},"r":["groupPriorityMinimum","versionPriority"]},{"p":{"name":"s","namespace":"s","port":"n"}},{"p":{"apiVersion":{"e":["apiregistration.k8s.io/v1beta1"]},"kind":{"e":["APIService"]},"metadata":1,"spec":102,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["apps/v1"]},"data":"*","kind":{"e":["ControllerRevision"]},"metadata":1,"revision":"n"},"r":["apiVersion","kind","revision"]},{"p":{"apiVersion":{"e":["apps/v1"]},"kind":{"e":["DaemonSet"]},"metadata":1,"spec":107,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","revisionHistoryLimit":"n","selector":37,"template":108,"updateStrategy":191},"r":["selector","template"]},{"p":{"metadata":1,"spec":109}},{"p":{"activeDeadlineSeconds":"n","affinity":28,"automountServiceAccountToken":"b","containers":{"a":110},"dnsConfig":138,"dnsPolicy":{"e":["ClusterFirst","ClusterFirstWithHostNet","Default","None"]},"enableServiceLinks":"b","ephemeralContainers":{"a":140},"hostAliases":{"a":141},"hostIPC":"b","hostNetwork":"b","hostPID":"b","hostUsers":"b","hostname":"s","hostnameOverride":"s","imagePullSecrets":{"a":39},"initContainers":{"a":110},"nodeName":"s","nodeSelector":{"m":"s"},"os":142,"overhead":{"m":"x"},"preemptionPolicy":{"e":["Never","PreemptLowerPriority"]},"priority":"n","priorityClassName":"s","readinessGates":{"a":143},"resourceClaims":{"a":144},"resources":129,"restartPolicy":{"e":["Always","Never","OnFailure"]},"runtimeClassName":"s","schedulerName":"s","schedulingGates":{"a":142},"schedulingGroup":145,"securityContext":146,"serviceAccount":"s","serviceAccountName":"s","setHostnameAsFQDN":"b","shareProcessNamespace":"b","subdomain":"s","terminationGracePeriodSeconds":"n","tolerations":{"a":45},"topologySpreadConstraints":{"a":147},"volumes":{"a":148}},"r":["containers"]},{"p":{"args":{"a":"s"},"command":{"a":"s"},"env":{"a":111},"envFrom":{"a":117},"image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"lifecycle":119,"livenessProbe":125,"name":"s","ports":{"a":127},"readinessProbe":125,"resizePolicy":{"a":128},"resources":129,"restartPolicy":"s","restartPolicyRules":{"a":131},"securityContext":133,"startupProbe":125,"stdin":"b","stdinOnce":"b","terminationMessagePath":"s","terminationMessagePolicy":{"e":["FallbackToLogsOnError","File"]},"tty":"b","volumeDevices":{"a":136},"volumeMounts":{"a":137},"workingDir":"s"},"r":["name"]},{"p":{"name":"s","value":"s","valueFrom":112},"r":["name"]},{"p":{"configMapKeyRef":113,"fieldRef":114,"fileKeyRef":115,"resourceFieldRef":116,"secretKeyRef":113}},{"p":{"key":"s","name":"s","optional":"b"},"r":["key"]},{"p":{"apiVersion":"s","fieldPath":"s"},"r":["fieldPath"]},{"p":{"key":"s","optional":"b","path":"s","volumeName":"s"},"r":["key","path","volumeName"]},{"p":{"containerName":"s","divisor":"x","resource":"s"},"r":["resource"]},{"p":{"configMapRef":118,"prefix":"s","secretRef":118}},{"p":{"name":"s","optional":"b"}},{"p":{"postStart":120,"preStop":120,"stopSignal":{"e":["SIGABRT","SIGALRM","SIGBUS","SIGCHLD","SIGCLD","SIGCONT","SIGFPE","SIGHUP","SIGILL","SIGINT","SIGIO","SIGIOT","SIGKILL","SIGPIPE","SIGPOLL","SIGPROF","SIGPWR","SIGQUIT","SIGRTMAX","SIGRTMAX-1","SIGRTMAX-10","SIGRTMAX-11","SIGRTMAX-12","SIGRTMAX-13","SIGRTMAX-14","SIGRTMAX-2","SIGRTMAX-3","SIGRTMAX-4","SIGRTMAX-5","SIGRTMAX-6","SIGRTMAX-7","SIGRTMAX-8","SIGRTMAX-9","SIGRTMIN","SIGRTMIN+1","SIGRTMIN+10","SIGRTMIN+11","SIGRTMIN+12","SIGRTMIN+13","SIGRTMIN+14","SIGRTMIN+15","SIGRTMIN+2","SIGRTMIN+3","SIGRTMIN+4","SIGRTMIN+5","SIGRTMIN+6","SIGRTMIN+7","SIGRTMIN+8","SIGRTMIN+9","SIGSEGV","SIGSTKFLT","SIGSTOP","SIGSYS","SIGTERM","SIGTRAP","SIGTSTP","SIGTTIN","SIGTTOU","SIGURG","SIGUSR1","SIGUSR2","SIGVTALRM","SIGWINCH","SIGXCPU","SIGXFSZ"]}}},{"p":{"exec":121,"httpGet":122,"sleep":123,"tcpSocket":124}},{"p":{"command":{"a":"s"}}},{"p":{"host":"s","httpHeaders":{"a":44},"path":"s","port":"x","scheme":{"e":["HTTP","HTTPS"]}},"r":["port"]},{"p":{"seconds":"n"},"r":["seconds"]},{"p":{"host":"s","port":"x"},"r":["port"]},{"p":{"exec":121,"failureThreshold":"n","grpc":126,"httpGet":122,"initialDelaySeconds":"n","periodSeconds":"n","successThreshold":"n","tcpSocket":124,"terminationGracePeriodSeconds":"n","timeoutSeconds":"n"}},{"p":{"port":"n","service":"s"},"r":["port"]},{"p":{"containerPort":"n","hostIP":"s","hostPort":"n","name":"s","protocol":{"e":["SCTP","TCP","UDP"]}},"r":["containerPort"]},{"p":{"resourceName":"s","restartPolicy":"s"},"r":["resourceName","restartPolicy"]},{"p":{"claims":{"a":130},"limits":{"m":"x"},"requests":{"m":"x"}}},{"p":{"name":"s","request":"s"},"r":["name"]},{"p":{"action":"s","exitCodes":132},"r":["action"]},{"p":{"operator":"s","values":{"a":"n"}},"r":["operator"]},{"p":{"allowPrivilegeEscalation":"b","appArmorProfile":43,"capabilities":134,"privileged":"b","procMount":{"e":["Default","Unmasked"]},"readOnlyRootFilesystem":"b","runAsGroup":"n","runAsNonRoot":"b","runAsUser":"n","seLinuxOptions":42,"seccompProfile":43,"windowsOptions":135}},{"p":{"add":{"a":"s"},"drop":{"a":"s"}}},{"p":{"gmsaCredentialSpec":"s","gmsaCredentialSpecName":"s","hostProcess":"b","runAsUserName":"s"}},{"p":{"devicePath":"s","name":"s"},"r":["devicePath","name"]},{"p":{"mountPath":"s","mountPropagation":{"e":["Bidirectional","HostToContainer","None"]},"name":"s","readOnly":"b","recursiveReadOnly":"s","subPath":"s","subPathExpr":"s"},"r":["mountPath","name"]},{"p":{"nameservers":{"a":"s"},"options":{"a":139},"searches":{"a":"s"}}},{"p":{"name":"s","value":"s"}},{"p":{"args":{"a":"s"},"command":{"a":"s"},"env":{"a":111},"envFrom":{"a":117},"image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"lifecycle":119,"livenessProbe":125,"name":"s","ports":{"a":127},"readinessProbe":125,"resizePolicy":{"a":128},"resources":129,"restartPolicy":"s","restartPolicyRules":{"a":131},"securityContext":133,"startupProbe":125,"stdin":"b","stdinOnce":"b","targetContainerName":"s","terminationMessagePath":"s","terminationMessagePolicy":{"e":["FallbackToLogsOnError","File"]},"tty":"b","volumeDevices":{"a":136},"volumeMounts":{"a":137},"workingDir":"s"},"r":["name"]},{"p":{"hostnames":{"a":"s"},"ip":"s"},"r":["ip"]},{"p":{"name":"s"},"r":["name"]},{"p":{"conditionType":"s"},"r":["conditionType"]},{"p":{"name":"s","resourceClaimName":"s","resourceClaimTemplateName":"s"},"r":["name"]},{"p":{"podGroupName":"s"}},{"p":{"appArmorProfile":43,"fsGroup":"n","fsGroupChangePolicy":{"e":["Always","OnRootMismatch"]},"runAsGroup":"n","runAsNonRoot":"b","runAsUser":"n","seLinuxChangePolicy":"s","seLinuxOptions":42,"seccompProfile":43,"supplementalGroups":{"a":"n"},"supplementalGroupsPolicy":{"e":["Merge","Strict"]},"sysctls":{"a":44},"windowsOptions":135}},{"p":{"labelSelector":37,"matchLabelKeys":{"a":"s"},"maxSkew":"n","minDomains":"n","nodeAffinityPolicy":{"e":["Honor","Ignore"]},"nodeTaintsPolicy":{"e":["Honor","Ignore"]},"topologyKey":"s","whenUnsatisfiable":{"e":["DoNotSchedule","ScheduleAnyway"]}},"r":["maxSkew","topologyKey","whenUnsatisfiable"]},{"p":{"awsElasticBlockStore":149,"azureDisk":150,"azureFile":151,"cephfs":152,"cinder":153,"configMap":154,"csi":156,"downwardAPI":157,"emptyDir":159,"ephemeral":160,"fc":165,"flexVolume":166,"flocker":167,"gcePersistentDisk":168,"gitRepo":169,"glusterfs":170,"hostPath":171,"image":172,"iscsi":173,"name":"s","nfs":174,"persistentVolumeClaim":175,"photonPersistentDisk":176,"portworxVolume":177,"projected":178,"quobyte":185,"rbd":186,"scaleIO":187,"secret":188,"storageos":189,"vsphereVolume":190},"r":["name"]},{"p":{"fsType":"s","partition":"n","readOnly":"b","volumeID":"s"},"r":["volumeID"]},{"p":{"cachingMode":{"e":["None","ReadOnly","ReadWrite"]},"diskName":"s","diskURI":"s","fsType":"s","kind":{"e":["Dedicated","Managed","Shared"]},"readOnly":"b"},"r":["diskName","diskURI"]},{"p":{"readOnly":"b","secretName":"s","shareName":"s"},"r":["secretName","shareName"]},{"p":{"monitors":{"a":"s"},"path":"s","readOnly":"b","secretFile":"s","secretRef":39,"user":"s"},"r":["monitors"]},{"p":{"fsType":"s","readOnly":"b","secretRef":39,"volumeID":"s"},"r":["volumeID"]},{"p":{"defaultMode":"n","items":{"a":155},"name":"s","optional":"b"}},{"p":{"key":"s","mode":"n","path":"s"},"r":["key","path"]},{"p":{"driver":"s","fsType":"s","nodePublishSecretRef":39,"readOnly":"b","volumeAttributes":{"m":"s"}},"r":["driver"]},{"p":{"defaultMode":"n","items":{"a":158}}},{"p":{"fieldRef":114,"mode":"n","path":"s","resourceFieldRef":116},"r":["path"]},{"p":{"medium":"s","sizeLimit":"x"}},{"p":{"volumeClaimTemplate":161}},{"p":{"metadata":1,"spec":162},"r":["spec"]},{"p":{"accessModes":{"a":{"e":["ReadOnlyMany","ReadWriteMany","ReadWriteOnce","ReadWriteOncePod"]}},"dataSource":163,"dataSourceRef":164,"resources":40,"selector":37,"storageClassName":"s","volumeAttributesClassName":"s","volumeMode":{"e":["Block","Filesystem"]},"volumeName":"s"}},{"p":{"apiGroup":"s","kind":"s","name":"s"},"r":["kind","name"]},{"p":{"apiGroup":"s","kind":"s","name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"fsType":"s","lun":"n","readOnly":"b","targetWWNs":{"a":"s"},"wwids":{"a":"s"}}},{"p":{"driver":"s","fsType":"s","options":{"m":"s"},"readOnly":"b","secretRef":39},"r":["driver"]},{"p":{"datasetName":"s","datasetUUID":"s"}},{"p":{"fsType":"s","partition":"n","pdName":"s","readOnly":"b"},"r":["pdName"]},{"p":{"directory":"s","repository":"s","revision":"s"},"r":["repository"]},{"p":{"endpoints":"s","path":"s","readOnly":"b"},"r":["endpoints","path"]},{"p":{"path":"s","type":{"e":["","BlockDevice","CharDevice","Directory","DirectoryOrCreate","File","FileOrCreate","Socket"]}},"r":["path"]},{"p":{"pullPolicy":{"e":["Always","IfNotPresent","Never"]},"reference":"s"}},{"p":{"chapAuthDiscovery":"b","chapAuthSession":"b","fsType":"s","initiatorName":"s","iqn":"s","iscsiInterface":"s","lun":"n","portals":{"a":"s"},"readOnly":"b","secretRef":39,"targetPortal":"s"},"r":["iqn","lun","targetPortal"]},{"p":{"path":"s","readOnly":"b","server":"s"},"r":["path","server"]},{"p":{"claimName":"s","readOnly":"b"},"r":["claimName"]},{"p":{"fsType":"s","pdID":"s"},"r":["pdID"]},{"p":{"fsType":"s","readOnly":"b","volumeID":"s"},"r":["volumeID"]},{"p":{"defaultMode":"n","sources":{"a":179}}},{"p":{"clusterTrustBundle":180,"configMap":181,"downwardAPI":182,"podCertificate":183,"secret":181,"serviceAccountToken":184}},{"p":{"labelSelector":37,"name":"s","optional":"b","path":"s","signerName":"s"},"r":["path"]},{"p":{"items":{"a":155},"name":"s","optional":"b"}},{"p":{"items":{"a":158}}},{"p":{"certificateChainPath":"s","credentialBundlePath":"s","keyPath":"s","keyType":"s","maxExpirationSeconds":"n","signerName":"s","userAnnotations":{"m":"s"}},"r":["keyType","signerName"]},{"p":{"audience":"s","expirationSeconds":"n","path":"s"},"r":["path"]},{"p":{"group":"s","readOnly":"b","registry":"s","tenant":"s","user":"s","volume":"s"},"r":["registry","volume"]},{"p":{"fsType":"s","image":"s","keyring":"s","monitors":{"a":"s"},"pool":"s","readOnly":"b","secretRef":39,"user":"s"},"r":["image","monitors"]},{"p":{"fsType":"s","gateway":"s","protectionDomain":"s","readOnly":"b","secretRef":39,"sslEnabled":"b","storageMode":"s","storagePool":"s","system":"s","volumeName":"s"},"r":["gateway","secretRef","system"]},{"p":{"defaultMode":"n","items":{"a":155},"optional":"b","secretName":"s"}},{"p":{"fsType":"s","readOnly":"b","secretRef":39,"volumeName":"s","volumeNamespace":"s"}},{"p":{"fsType":"s","storagePolicyID":"s","storagePolicyName":"s","volumePath":"s"},"r":["volumePath"]},{"p":{"rollingUpdate":192,"type":{"e":["OnDelete","RollingUpdate"]}}},{"p":{"maxSurge":"x","maxUnavailable":"x"}},{"p":{"apiVersion":{"e":["apps/v1"]},"kind":{"e":["Deployment"]},"metadata":1,"spec":194,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","paused":"b","progressDeadlineSeconds":"n","replicas":"n","revisionHistoryLimit":"n","selector":37,"strategy":195,"template":108},"r":["selector","template"]},{"p":{"rollingUpdate":192,"type":{"e":["Recreate","RollingUpdate"]}}},{"p":{"apiVersion":{"e":["apps/v1"]},"kind":{"e":["ReplicaSet"]},"metadata":1,"spec":197,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","replicas":"n","selector":37,"template":108},"r":["selector"]},{"p":{"apiVersion":{"e":["apps/v1"]},"kind":{"e":["StatefulSet"]},"metadata":1,"spec":199,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","ordinals":200,"persistentVolumeClaimRetentionPolicy":201,"podManagementPolicy":{"e":["OrderedReady","Parallel"]},"replicas":"n","revisionHistoryLimit":"n","selector":37,"serviceName":"s","template":108,"updateStrategy":202,"volumeClaimTemplates":{"a":204}},"r":["selector","template"]},{"p":{"start":"n"}},{"p":{"whenDeleted":"s","whenScaled":"s"}},{"p":{"rollingUpdate":203,"type":{"e":["OnDelete","RollingUpdate"]}}},{"p":{"maxUnavailable":"x","partition":"n"}},{"p":{"apiVersion":"s","kind":"s","metadata":1,"spec":162,"status":205}},{"p":{"accessModes":{"a":{"e":["ReadOnlyMany","ReadWriteMany","ReadWriteOnce","ReadWriteOncePod"]}},"allocatedResourceStatuses":{"m":{"e":["ControllerResizeInProgress","ControllerResizeInfeasible","NodeResizeInProgress","NodeResizeInfeasible","NodeResizePending"]}},"allocatedResources":{"m":"x"},"capacity":{"m":"x"},"conditions":{"a":206},"currentVolumeAttributesClassName":"s","modifyVolumeStatus":207,"phase":{"e":["Bound","Lost","Pending"]}}},{"p":{"lastProbeTime":"s","lastTransitionTime":"s","message":"s","reason":"s","status":"s","type":"s"},"r":["status","type"]},{"p":{"status":{"e":["InProgress","Infeasible","Pending"]},"targetVolumeAttributesClassName":"s"},"r":["status"]},{"p":{"apiVersion":{"e":["apps/v1beta1"]},"data":"*","kind":{"e":["ControllerRevision"]},"metadata":1,"revision":"n"},"r":["apiVersion","kind","revision"]},{"p":{"apiVersion":{"e":["apps/v1beta1"]},"kind":{"e":["Deployment"]},"metadata":1,"spec":210,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","paused":"b","progressDeadlineSeconds":"n","replicas":"n","revisionHistoryLimit":"n","rollbackTo":211,"selector":37,"strategy":212,"template":108},"r":["template"]},{"p":{"revision":"n"}},{"p":{"rollingUpdate":192,"type":"s"}},{"p":{"apiVersion":{"e":["apps/v1beta1"]},"kind":{"e":["DeploymentRollback"]},"name":"s","rollbackTo":211,"updatedAnnotations":{"m":"s"}},"r":["apiVersion","kind","name","rollbackTo"]},{"p":{"apiVersion":{"e":["apps/v1beta1"]},"kind":{"e":["Scale"]},"metadata":1,"spec":215,"status":"*"},"r":["apiVersion","kind"]},{"p":{"replicas":"n"}},{"p":{"apiVersion":{"e":["apps/v1beta1"]},"kind":{"e":["StatefulSet"]},"metadata":1,"spec":217,"status":"*"},"r":["apiVersion","kind"]},{"p":{"podManagementPolicy":"s","replicas":"n","revisionHistoryLimit":"n","selector":37,"serviceName":"s","template":108,"updateStrategy":218,"volumeClaimTemplates":{"a":220}},"r":["serviceName","template"]},{"p":{"rollingUpdate":219,"type":"s"}},{"p":{"partition":"n"}},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["PersistentVolumeClaim"]},"metadata":1,"spec":162,"status":205},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["apps/v1beta2"]},"data":"*","kind":{"e":["ControllerRevision"]},"metadata":1,"revision":"n"},"r":["apiVersion","kind","revision"]},{"p":{"apiVersion":{"e":["apps/v1beta2"]},"kind":{"e":["DaemonSet"]},"metadata":1,"spec":223,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","revisionHistoryLimit":"n","selector":37,"template":108,"updateStrategy":224},"r":["selector","template"]},{"p":{"rollingUpdate":225,"type":"s"}},{"p":{"maxUnavailable":"x"}},{"p":{"apiVersion":{"e":["apps/v1beta2"]},"kind":{"e":["Deployment"]},"metadata":1,"spec":227,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","paused":"b","progressDeadlineSeconds":"n","replicas":"n","revisionHistoryLimit":"n","selector":37,"strategy":212,"template":108},"r":["selector","template"]},{"p":{"apiVersion":{"e":["apps/v1beta2"]},"kind":{"e":["ReplicaSet"]},"metadata":1,"spec":197,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["apps/v1beta2"]},"kind":{"e":["Scale"]},"metadata":1,"spec":215,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["apps/v1beta2"]},"kind":{"e":["StatefulSet"]},"metadata":1,"spec":231,"status":"*"},"r":["apiVersion","kind"]},{"p":{"podManagementPolicy":"s","replicas":"n","revisionHistoryLimit":"n","selector":37,"serviceName":"s","template":108,"updateStrategy":218,"volumeClaimTemplates":{"a":220}},"r":["selector","serviceName","template"]},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["AnalysisRun"]},"metadata":1,"spec":233,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"args":{"a":234},"dryRun":{"a":238},"measurementRetention":{"a":239},"metrics":{"a":240},"terminate":"b","ttlStrategy":271},"r":["metrics"]},{"p":{"name":"s","value":"s","valueFrom":235},"r":["name"]},{"p":{"fieldRef":236,"secretKeyRef":237}},{"p":{"fieldPath":"s"},"r":["fieldPath"]},{"p":{"key":"s","name":"s"},"r":["key","name"]},{"p":{"metricName":"s"},"r":["metricName"]},{"p":{"limit":"n","metricName":"s"},"r":["limit","metricName"]},{"p":{"consecutiveErrorLimit":"x","consecutiveSuccessLimit":"x","count":"x","failureCondition":"s","failureLimit":"x","inconclusiveLimit":"x","initialDelay":"s","interval":"s","name":"s","provider":241,"successCondition":"s"},"r":["name","provider"]},{"p":{"cloudWatch":242,"datadog":246,"graphite":248,"influxdb":249,"job":250,"kayenta":258,"newRelic":262,"plugin":"*","prometheus":263,"skywalking":269,"wavefront":248,"web":270}},{"p":{"interval":"s","metricDataQueries":{"a":243}},"r":["metricDataQueries"]},{"p":{"expression":"s","id":"s","label":"s","metricStat":244,"period":"x","returnData":"b"}},{"p":{"metric":245,"period":"x","stat":"s","unit":"s"}},{"p":{"dimensions":{"a":139},"metricName":"s","namespace":"s"}},{"p":{"aggregator":{"e":["area","avg","l2norm","last","max","mean","min","percentile","sum"]},"apiVersion":{"e":["v1","v2"]},"formula":"s","interval":"s","queries":{"m":"s"},"query":"s","secretRef":247}},{"p":{"name":"s","namespaced":"b"}},{"p":{"address":"s","query":"s"}},{"p":{"profile":"s","query":"s"}},{"p":{"metadata":1,"spec":251},"r":["spec"]},{"p":{"activeDeadlineSeconds":"n","backoffLimit":"n","backoffLimitPerIndex":"n","completionMode":{"e":["Indexed","NonIndexed"]},"completions":"n","managedBy":"s","manualSelector":"b","maxFailedIndexes":"n","parallelism":"n","podFailurePolicy":252,"podReplacementPolicy":{"e":["Failed","TerminatingOrFailed"]},"selector":37,"successPolicy":256,"suspend":"b","template":108,"ttlSecondsAfterFinished":"n"},"r":["template"]},{"p":{"rules":{"a":253}},"r":["rules"]},{"p":{"action":{"e":["Count","FailIndex","FailJob","Ignore"]},"onExitCodes":254,"onPodConditions":{"a":255}},"r":["action"]},{"p":{"containerName":"s","operator":{"e":["In","NotIn"]},"values":{"a":"n"}},"r":["operator","values"]},{"p":{"status":"s","type":"s"},"r":["type"]},{"p":{"rules":{"a":257}},"r":["rules"]},{"p":{"succeededCount":"n","succeededIndexes":"s"}},{"p":{"address":"s","application":"s","canaryConfigName":"s","configurationAccountName":"s","lookback":"b","metricsAccountName":"s","scopes":{"a":259},"storageAccountName":"s","threshold":261},"r":["address","application","canaryConfigName","configurationAccountName","metricsAccountName","scopes","storageAccountName","threshold"]},{"p":{"controlScope":260,"experimentScope":260,"name":"s"},"r":["controlScope","experimentScope","name"]},{"p":{"end":"s","region":"s","scope":"s","start":"s","step":"n"},"r":["region","scope","step"]},{"p":{"marginal":"n","pass":"n"},"r":["marginal","pass"]},{"p":{"profile":"s","query":"s","timeout":"n"},"r":["query"]},{"p":{"address":"s","authentication":264,"headers":{"a":267},"insecure":"b","query":"s","rangeQuery":268,"timeout":"n"}},{"p":{"oauth2":265,"sigv4":266}},{"p":{"clientId":"s","clientSecret":"s","scopes":{"a":"s"},"tokenUrl":"s"}},{"p":{"profile":"s","region":"s","roleArn":"s"}},{"p":{"key":"s","value":"s"},"r":["key","value"]},{"p":{"end":"s","start":"s","step":"s"}},{"p":{"address":"s","interval":"s","query":"s"}},{"p":{"authentication":264,"body":"s","headers":{"a":267},"insecure":"b","jsonBody":"*","jsonPath":"s","method":"s","timeoutSeconds":"n","url":"s"},"r":["url"]},{"p":{"secondsAfterCompletion":"n","secondsAfterFailure":"n","secondsAfterSuccess":"n"}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["AnalysisTemplate"]},"metadata":1,"spec":273},"r":["apiVersion","kind","spec"]},{"p":{"args":{"a":234},"dryRun":{"a":238},"measurementRetention":{"a":239},"metrics":{"a":240},"templates":{"a":274}}},{"p":{"clusterScope":"b","templateName":"s"}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["Application"]},"metadata":1,"operation":276,"spec":297,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"info":{"a":44},"initiatedBy":277,"retry":278,"sync":280}},{"p":{"automated":"b","username":"s"}},{"p":{"backoff":279,"limit":"n","refresh":"b"}},{"p":{"duration":"s","factor":"n","maxDuration":"s"}},{"p":{"autoHealAttemptsCount":"n","dryRun":"b","manifests":{"a":"s"},"prune":"b","resources":{"a":281},"revision":"s","revisions":{"a":"s"},"source":282,"sources":{"a":282},"syncOptions":{"a":"s"},"syncStrategy":295}},{"p":{"group":"s","kind":"s","name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"chart":"s","directory":283,"helm":286,"kustomize":289,"name":"s","path":"s","plugin":293,"ref":"s","repoURL":"s","targetRevision":"s"},"r":["repoURL"]},{"p":{"exclude":"s","include":"s","jsonnet":284,"recurse":"b"}},{"p":{"extVars":{"a":285},"libs":{"a":"s"},"tlas":{"a":285}}},{"p":{"code":"b","name":"s","value":"s"},"r":["name","value"]},{"p":{"apiVersions":{"a":"s"},"fileParameters":{"a":287},"ignoreMissingValueFiles":"b","kubeVersion":"s","namespace":"s","parameters":{"a":288},"passCredentials":"b","releaseName":"s","skipCrds":"b","skipSchemaValidation":"b","skipTests":"b","valueFiles":{"a":"s"},"values":"s","valuesObject":"*","version":"s"}},{"p":{"name":"s","path":"s"}},{"p":{"forceString":"b","name":"s","value":"s"}},{"p":{"apiVersions":{"a":"s"},"commonAnnotations":{"m":"s"},"commonAnnotationsEnvsubst":"b","commonLabels":{"m":"s"},"components":{"a":"s"},"forceCommonAnnotations":"b","forceCommonLabels":"b","ignoreMissingComponents":"b","images":{"a":"s"},"kubeVersion":"s","labelIncludeTemplates":"b","labelWithoutSelector":"b","namePrefix":"s","nameSuffix":"s","namespace":"s","patches":{"a":290},"replicas":{"a":292},"version":"s"}},{"p":{"options":{"m":"b"},"patch":"s","path":"s","target":291}},{"p":{"annotationSelector":"s","labelSelector":"s","name":"s","namespace":"s","group":"s","kind":"s","version":"s"}},{"p":{"count":"x","name":"s"},"r":["count","name"]},{"p":{"env":{"a":44},"name":"s","parameters":{"a":294}}},{"p":{"name":"s","string":"s","map":{"m":"s"},"array":{"a":"s"}}},{"p":{"apply":296,"hook":296}},{"p":{"force":"b"}},{"p":{"destination":298,"ignoreDifferences":{"a":299},"info":{"a":44},"project":"s","revisionHistoryLimit":"n","source":282,"sourceHydrator":300,"sources":{"a":282},"syncPolicy":304},"r":["destination","project"]},{"p":{"name":"s","namespace":"s","server":"s"}},{"p":{"group":"s","jqPathExpressions":{"a":"s"},"jsonPointers":{"a":"s"},"kind":"s","managedFieldsManagers":{"a":"s"},"name":"s","namespace":"s"},"r":["kind"]},{"p":{"drySource":301,"hydrateTo":302,"syncSource":303},"r":["drySource","syncSource"]},{"p":{"directory":283,"helm":286,"kustomize":289,"path":"s","plugin":293,"repoURL":"s","targetRevision":"s"},"r":["path","repoURL","targetRevision"]},{"p":{"targetBranch":"s"},"r":["targetBranch"]},{"p":{"path":"s","targetBranch":"s"},"r":["path","targetBranch"]},{"p":{"automated":305,"managedNamespaceMetadata":26,"retry":278,"syncOptions":{"a":"s"}}},{"p":{"allowEmpty":"b","enabled":"b","prune":"b","selfHeal":"b"}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["ApplicationSet"]},"metadata":1,"spec":307,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"applyNestedSelectors":"b","generators":{"a":308},"goTemplate":"b","goTemplateOptions":{"a":"s"},"ignoreApplicationDifferences":{"a":343},"preservedFields":344,"strategy":345,"syncPolicy":349,"template":310,"templatePatch":"s"},"r":["generators","template"]},{"p":{"clusterDecisionResource":309,"clusters":312,"git":313,"list":315,"matrix":316,"merge":342,"plugin":318,"pullRequest":320,"scmProvider":332,"selector":37}},{"p":{"configMapRef":"s","labelSelector":37,"name":"s","requeueAfterSeconds":"n","template":310,"values":{"m":"s"}},"r":["configMapRef"]},{"p":{"metadata":311,"spec":297},"r":["metadata","spec"]},{"p":{"annotations":{"m":"s"},"finalizers":{"a":"s"},"labels":{"m":"s"},"name":"s","namespace":"s"}},{"p":{"flatList":"b","selector":37,"template":310,"values":{"m":"s"}}},{"p":{"directories":{"a":314},"files":{"a":314},"pathParamPrefix":"s","repoURL":"s","requeueAfterSeconds":"n","revision":"s","template":310,"values":{"m":"s"}},"r":["repoURL","revision"]},{"p":{"exclude":"b","path":"s"},"r":["path"]},{"p":{"elements":{"a":"*"},"elementsYaml":"s","template":310}},{"p":{"generators":{"a":317},"template":310},"r":["generators"]},{"p":{"clusterDecisionResource":309,"clusters":312,"git":313,"list":315,"matrix":"*","merge":"*","plugin":318,"pullRequest":320,"scmProvider":332,"selector":37}},{"p":{"configMapRef":142,"input":319,"requeueAfterSeconds":"n","template":310,"values":{"m":"s"}},"r":["configMapRef"]},{"p":{"parameters":{"m":"*"}}},{"p":{"azuredevops":321,"bitbucket":323,"bitbucketServer":326,"continueOnRepoNotFoundError":"b","filters":{"a":328},"gitea":329,"github":330,"gitlab":331,"requeueAfterSeconds":"n","template":310,"values":{"m":"s"}}},{"p":{"api":"s","labels":{"a":"s"},"organization":"s","project":"s","repo":"s","tokenRef":322},"r":["organization","project","repo"]},{"p":{"key":"s","secretName":"s"},"r":["key","secretName"]},{"p":{"api":"s","basicAuth":324,"bearerToken":325,"owner":"s","repo":"s"},"r":["owner","repo"]},{"p":{"passwordRef":322,"username":"s"},"r":["passwordRef","username"]},{"p":{"tokenRef":322},"r":["tokenRef"]},{"p":{"api":"s","basicAuth":324,"bearerToken":325,"caRef":327,"insecure":"b","project":"s","repo":"s"},"r":["api","project","repo"]},{"p":{"configMapName":"s","key":"s"},"r":["configMapName","key"]},{"p":{"branchMatch":"s","targetBranchMatch":"s","titleMatch":"s"}},{"p":{"api":"s","insecure":"b","labels":{"a":"s"},"owner":"s","repo":"s","tokenRef":322},"r":["api","owner","repo"]},{"p":{"api":"s","appSecretName":"s","labels":{"a":"s"},"owner":"s","repo":"s","tokenRef":322},"r":["owner","repo"]},{"p":{"api":"s","caRef":327,"insecure":"b","labels":{"a":"s"},"project":"s","pullRequestState":"s","tokenRef":322},"r":["project"]},{"p":{"awsCodeCommit":333,"azureDevOps":335,"bitbucket":336,"bitbucketServer":337,"cloneProtocol":"s","filters":{"a":338},"gitea":339,"github":340,"gitlab":341,"requeueAfterSeconds":"n","template":310,"values":{"m":"s"}}},{"p":{"allBranches":"b","region":"s","role":"s","tagFilters":{"a":334}}},{"p":{"key":"s","value":"s"},"r":["key"]},{"p":{"accessTokenRef":322,"allBranches":"b","api":"s","organization":"s","teamProject":"s"},"r":["accessTokenRef","organization","teamProject"]},{"p":{"allBranches":"b","appPasswordRef":322,"owner":"s","user":"s"},"r":["appPasswordRef","owner","user"]},{"p":{"allBranches":"b","api":"s","basicAuth":324,"bearerToken":325,"caRef":327,"insecure":"b","project":"s"},"r":["api","project"]},{"p":{"branchMatch":"s","labelMatch":"s","pathsDoNotExist":{"a":"s"},"pathsExist":{"a":"s"},"repositoryMatch":"s"}},{"p":{"allBranches":"b","api":"s","insecure":"b","owner":"s","tokenRef":322},"r":["api","owner"]},{"p":{"allBranches":"b","api":"s","appSecretName":"s","organization":"s","tokenRef":322},"r":["organization"]},{"p":{"allBranches":"b","api":"s","caRef":327,"group":"s","includeSharedProjects":"b","includeSubgroups":"b","insecure":"b","tokenRef":322,"topic":"s"},"r":["group"]},{"p":{"generators":{"a":317},"mergeKeys":{"a":"s"},"template":310},"r":["generators","mergeKeys"]},{"p":{"jqPathExpressions":{"a":"s"},"jsonPointers":{"a":"s"},"name":"s"}},{"p":{"annotations":{"a":"s"},"labels":{"a":"s"}}},{"p":{"deletionOrder":"s","rollingSync":346,"type":"s"}},{"p":{"steps":{"a":347}}},{"p":{"matchExpressions":{"a":348},"maxUpdate":"x"}},{"p":{"key":"s","operator":"s","values":{"a":"s"}}},{"p":{"applicationsSync":"s","preserveResourcesOnDeletion":"b"}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["AppProject"]},"metadata":1,"spec":351,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"clusterResourceBlacklist":{"a":352},"clusterResourceWhitelist":{"a":352},"description":"s","destinationServiceAccounts":{"a":353},"destinations":{"a":298},"namespaceResourceBlacklist":{"a":354},"namespaceResourceWhitelist":{"a":354},"orphanedResources":355,"permitOnlyProjectScopedClusters":"b","roles":{"a":357},"signatureKeys":{"a":359},"sourceNamespaces":{"a":"s"},"sourceRepos":{"a":"s"},"syncWindows":{"a":360}}},{"p":{"group":"s","kind":"s","name":"s"},"r":["group","kind"]},{"p":{"defaultServiceAccount":"s","namespace":"s","server":"s"},"r":["defaultServiceAccount","server"]},{"p":{"group":"s","kind":"s"},"r":["group","kind"]},{"p":{"ignore":{"a":356},"warn":"b"}},{"p":{"group":"s","kind":"s","name":"s"}},{"p":{"description":"s","groups":{"a":"s"},"jwtTokens":{"a":358},"name":"s","policies":{"a":"s"}},"r":["name"]},{"p":{"exp":"n","iat":"n","id":"s"},"r":["iat"]},{"p":{"keyID":"s"},"r":["keyID"]},{"p":{"andOperator":"b","applications":{"a":"s"},"clusters":{"a":"s"},"description":"s","duration":"s","kind":"s","manualSync":"b","namespaces":{"a":"s"},"schedule":"s","timeZone":"s"}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["ClusterAnalysisTemplate"]},"metadata":1,"spec":273},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["ClusterWorkflowTemplate"]},"metadata":1,"spec":363},"r":["apiVersion","kind","metadata","spec"]},{"p":{"activeDeadlineSeconds":"n","affinity":28,"archiveLogs":"b","arguments":364,"artifactGC":388,"artifactRepositoryRef":389,"automountServiceAccountToken":"b","dnsConfig":138,"dnsPolicy":{"e":["ClusterFirst","ClusterFirstWithHostNet","Default","None"]},"entrypoint":"s","executor":390,"hooks":{"m":391},"hostAliases":{"a":141},"hostNetwork":"b","imagePullSecrets":{"a":39},"metrics":393,"nodeSelector":{"m":"s"},"onExit":"s","parallelism":"n","podDisruptionBudget":398,"podGC":399,"podMetadata":26,"podPriorityClassName":"s","podSpecPatch":"s","priority":"n","retryStrategy":400,"schedulerName":"s","securityContext":146,"serviceAccountName":"s","shutdown":"s","suspend":"b","synchronization":403,"templateDefaults":407,"templates":{"a":407},"tolerations":{"a":45},"ttlStrategy":271,"volumeClaimGC":433,"volumeClaimTemplates":{"a":220},"volumes":{"a":148},"workflowMetadata":434,"workflowTemplateRef":435}},{"p":{"artifacts":{"a":365},"parameters":{"a":386}}},{"p":{"archive":366,"artifactGC":368,"deleted":"b","from":"s","fromExpression":"s","globalName":"s","mode":"n","name":"s","optional":"b","path":"s","recurseMode":"b","subPath":"s","archiveLogs":"b","artifactory":369,"azure":370,"gcs":371,"git":372,"hdfs":373,"http":374,"oss":379,"plugin":381,"raw":382,"s3":383},"r":["name"]},{"p":{"none":"*","tar":367,"zip":"*"}},{"p":{"compressionLevel":"n"}},{"p":{"podMetadata":26,"serviceAccountName":"s","strategy":"s"}},{"p":{"url":"s","passwordSecret":113,"usernameSecret":113},"r":["url"]},{"p":{"blob":"s","accountKeySecret":113,"container":"s","endpoint":"s","useSDKCreds":"b"},"r":["blob","container","endpoint"]},{"p":{"key":"s","bucket":"s","serviceAccountKeySecret":113},"r":["key"]},{"p":{"branch":"s","depth":"n","disableSubmodules":"b","fetch":{"a":"s"},"insecureIgnoreHostKey":"b","insecureSkipTLS":"b","passwordSecret":113,"repo":"s","revision":"s","singleBranch":"b","sshPrivateKeySecret":113,"usernameSecret":113},"r":["repo"]},{"p":{"force":"b","path":"s","addresses":{"a":"s"},"dataTransferProtection":"s","hdfsUser":"s","krbCCacheSecret":113,"krbConfigConfigMap":113,"krbKeytabSecret":113,"krbRealm":"s","krbServicePrincipalName":"s","krbUsername":"s"},"r":["path"]},{"p":{"auth":375,"headers":{"a":44},"url":"s"},"r":["url"]},{"p":{"basicAuth":376,"clientCert":377,"oauth2":378}},{"p":{"passwordSecret":113,"usernameSecret":113}},{"p":{"clientCertSecret":113,"clientKeySecret":113}},{"p":{"clientIDSecret":113,"clientSecretSecret":113,"endpointParams":{"a":334},"scopes":{"a":"s"},"tokenURLSecret":113}},{"p":{"key":"s","accessKeySecret":113,"bucket":"s","createBucketIfNotPresent":"b","endpoint":"s","lifecycleRule":380,"secretKeySecret":113,"securityToken":"s","useSDKCreds":"b"},"r":["key"]},{"p":{"markDeletionAfterDays":"n","markInfrequentAccessAfterDays":"n"}},{"p":{"configuration":"s","connectionTimeoutSeconds":"n","key":"s","name":"s"},"r":["key"]},{"p":{"data":"s"},"r":["data"]},{"p":{"key":"s","accessKeySecret":113,"bucket":"s","caSecret":113,"createBucketIfNotPresent":384,"encryptionOptions":385,"endpoint":"s","insecure":"b","region":"s","roleARN":"s","secretKeySecret":113,"sessionTokenSecret":113,"useSDKCreds":"b"}},{"p":{"objectLocking":"b"}},{"p":{"enableEncryption":"b","kmsEncryptionContext":"s","kmsKeyId":"s","serverSideCustomerKeySecret":113}},{"p":{"default":"s","description":"s","enum":{"a":"s"},"globalName":"s","name":"s","value":"s","valueFrom":387},"r":["name"]},{"p":{"configMapKeyRef":113,"default":"s","event":"s","expression":"s","jqFilter":"s","jsonPath":"s","parameter":"s","path":"s","supplied":"*"}},{"p":{"forceFinalizerRemoval":"b","podSpecPatch":"s","podMetadata":26,"serviceAccountName":"s","strategy":"s"}},{"p":{"configMap":"s","key":"s"}},{"p":{"serviceAccountName":"s"}},{"p":{"arguments":364,"expression":"s","template":"s","templateRef":392}},{"p":{"clusterScope":"b","name":"s","template":"s"}},{"p":{"prometheus":{"a":394}},"r":["prometheus"]},{"p":{"counter":395,"gauge":396,"help":"s","histogram":397,"labels":{"a":267},"name":"s","when":"s"},"r":["help","name"]},{"p":{"value":"s"},"r":["value"]},{"p":{"operation":{"e":["Add","Set","Sub"]},"realtime":"b","value":"s"},"r":["realtime","value"]},{"p":{"buckets":{"a":"n"},"value":"s"},"r":["buckets","value"]},{"p":{"maxUnavailable":"x","minAvailable":"x","selector":37,"unhealthyPodEvictionPolicy":{"e":["AlwaysAllow","IfHealthyBudget"]}}},{"p":{"deleteDelayDuration":"s","labelSelector":37,"strategy":{"e":["","OnPodCompletion","OnPodSuccess","OnWorkflowCompletion","OnWorkflowSuccess"]}}},{"p":{"affinity":401,"backoff":402,"expression":"s","limit":"x","retryPolicy":{"e":["Always","OnError","OnFailure","OnTransientError"]}}},{"p":{"nodeAntiAffinity":"*"}},{"p":{"cap":"s","duration":"s","factor":"x","maxDuration":"s"}},{"p":{"mutexes":{"a":404},"semaphores":{"a":405}}},{"p":{"database":"b","name":"s","namespace":"s"}},{"p":{"configMapKeyRef":113,"database":406,"namespace":"s"}},{"p":{"key":"s"},"r":["key"]},{"p":{"activeDeadlineSeconds":"x","affinity":28,"annotations":{"m":"s"},"archiveLocation":408,"automountServiceAccountToken":"b","container":110,"containerSet":409,"daemon":"b","dag":412,"data":416,"executor":390,"failFast":"b","hostAliases":{"a":141},"http":419,"initContainers":{"a":423},"inputs":364,"memoize":424,"metadata":26,"metrics":393,"name":"s","nodeSelector":{"m":"s"},"outputs":426,"parallelism":"n","plugin":"*","podSpecPatch":"s","priorityClassName":"s","resource":427,"retryStrategy":400,"schedulerName":"s","script":429,"securityContext":146,"serviceAccountName":"s","sidecars":{"a":423},"steps":{"a":430},"suspend":432,"synchronization":403,"timeout":"s","tolerations":{"a":45},"volumes":{"a":148}}},{"p":{"archiveLogs":"b","artifactory":369,"azure":370,"gcs":371,"git":372,"hdfs":373,"http":374,"oss":379,"plugin":381,"raw":382,"s3":383}},{"p":{"containers":{"a":410},"retryStrategy":411,"volumeMounts":{"a":137}},"r":["containers"]},{"p":{"dependencies":{"a":"s"},"args":{"a":"s"},"command":{"a":"s"},"env":{"a":111},"envFrom":{"a":117},"image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"lifecycle":119,"livenessProbe":125,"name":"s","ports":{"a":127},"readinessProbe":125,"resizePolicy":{"a":128},"resources":129,"restartPolicy":"s","restartPolicyRules":{"a":131},"securityContext":133,"startupProbe":125,"stdin":"b","stdinOnce":"b","terminationMessagePath":"s","terminationMessagePolicy":{"e":["FallbackToLogsOnError","File"]},"tty":"b","volumeDevices":{"a":136},"volumeMounts":{"a":137},"workingDir":"s"},"r":["name"]},{"p":{"duration":"s","retries":"x"},"r":["retries"]},{"p":{"failFast":"b","target":"s","tasks":{"a":413}},"r":["tasks"]},{"p":{"arguments":364,"continueOn":414,"dependencies":{"a":"s"},"depends":"s","hooks":{"m":391},"inline":407,"name":"s","onExit":"s","template":"s","templateRef":392,"when":"s","withItems":"*","withParam":"s","withSequence":415},"r":["name"]},{"p":{"error":"b","failed":"b"}},{"p":{"count":"x","end":"x","format":"s","start":"x"}},{"p":{"source":417,"transformation":{"a":418}},"r":["source","transformation"]},{"p":{"artifactPaths":365}},{"p":{"expression":"s"},"r":["expression"]},{"p":{"body":"s","bodyFrom":420,"headers":{"a":421},"insecureSkipVerify":"b","method":"s","successCondition":"s","timeoutSeconds":"n","url":"s"},"r":["url"]},{"p":{"bytes":"s"}},{"p":{"name":"s","value":"s","valueFrom":422},"r":["name"]},{"p":{"secretKeyRef":113}},{"p":{"mirrorVolumeMounts":"b","args":{"a":"s"},"command":{"a":"s"},"env":{"a":111},"envFrom":{"a":117},"image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"lifecycle":119,"livenessProbe":125,"name":"s","ports":{"a":127},"readinessProbe":125,"resizePolicy":{"a":128},"resources":129,"restartPolicy":"s","restartPolicyRules":{"a":131},"securityContext":133,"startupProbe":125,"stdin":"b","stdinOnce":"b","terminationMessagePath":"s","terminationMessagePolicy":{"e":["FallbackToLogsOnError","File"]},"tty":"b","volumeDevices":{"a":136},"volumeMounts":{"a":137},"workingDir":"s"},"r":["name"]},{"p":{"cache":425,"key":"s","maxAge":"s"},"r":["cache","key","maxAge"]},{"p":{"configMap":39},"r":["configMap"]},{"p":{"artifacts":{"a":365},"exitCode":"s","parameters":{"a":386},"result":"s"}},{"p":{"action":{"e":["apply","create","delete","get","patch","replace"]},"failureCondition":"s","flags":{"a":"s"},"manifest":"s","manifestFrom":428,"mergeStrategy":{"e":["json","merge","strategic"]},"setOwnerReference":"b","successCondition":"s"},"r":["action"]},{"p":{"artifact":365},"r":["artifact"]},{"p":{"source":"s","args":{"a":"s"},"command":{"a":"s"},"env":{"a":111},"envFrom":{"a":117},"image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"lifecycle":119,"livenessProbe":125,"name":"s","ports":{"a":127},"readinessProbe":125,"resizePolicy":{"a":128},"resources":129,"restartPolicy":"s","restartPolicyRules":{"a":131},"securityContext":133,"startupProbe":125,"stdin":"b","stdinOnce":"b","terminationMessagePath":"s","terminationMessagePolicy":{"e":["FallbackToLogsOnError","File"]},"tty":"b","volumeDevices":{"a":136},"volumeMounts":{"a":137},"workingDir":"s"},"r":["name"]},{"p":{"steps":{"a":431}},"r":["steps"]},{"p":{"arguments":364,"continueOn":414,"hooks":{"m":391},"inline":407,"name":"s","onExit":"s","template":"s","templateRef":392,"when":"s","withItems":"*","withParam":"s","withSequence":415}},{"p":{"duration":"s"}},{"p":{"strategy":"s"}},{"p":{"annotations":{"m":"s"},"labels":{"m":"s"},"labelsFrom":{"m":418}}},{"p":{"clusterScope":"b","name":"s"}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["CronWorkflow"]},"metadata":1,"spec":437,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"concurrencyPolicy":{"e":["Allow","Forbid","Replace"]},"failedJobsHistoryLimit":"n","schedules":{"a":"s"},"startingDeadlineSeconds":"n","stopStrategy":418,"successfulJobsHistoryLimit":"n","suspend":"b","timezone":"s","when":"s","workflowMetadata":1,"workflowSpec":363},"r":["schedules","workflowSpec"]},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["Experiment"]},"metadata":1,"spec":439,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"analyses":{"a":440},"analysisRunMetadata":26,"dryRun":{"a":238},"duration":"s","measurementRetention":{"a":239},"progressDeadlineSeconds":"n","scaleDownDelaySeconds":"n","templates":{"a":441},"terminate":"b"},"r":["templates"]},{"p":{"args":{"a":234},"clusterScope":"b","name":"s","requiredForCompletion":"b","templateName":"s"},"r":["name","templateName"]},{"p":{"minReadySeconds":"n","name":"s","replicas":"n","selector":37,"service":39,"template":108},"r":["name","selector","template"]},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["Rollout"]},"metadata":1,"spec":443,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"analysis":444,"minReadySeconds":"n","paused":"b","progressDeadlineAbort":"b","progressDeadlineSeconds":"n","replicas":"n","restartAt":"s","revisionHistoryLimit":"n","rollbackWindow":445,"selector":37,"strategy":446,"template":108,"workloadRef":486}},{"p":{"successfulRunHistoryLimit":"n","unsuccessfulRunHistoryLimit":"n"}},{"p":{"revisions":"n"}},{"p":{"blueGreen":447,"canary":453}},{"p":{"abortScaleDownDelaySeconds":"n","activeMetadata":26,"activeService":"s","antiAffinity":448,"autoPromotionEnabled":"b","autoPromotionSeconds":"n","maxUnavailable":"x","postPromotionAnalysis":450,"prePromotionAnalysis":450,"previewMetadata":26,"previewReplicaCount":"n","previewService":"s","scaleDownDelayRevisionLimit":"n","scaleDownDelaySeconds":"n"},"r":["activeService"]},{"p":{"preferredDuringSchedulingIgnoredDuringExecution":449,"requiredDuringSchedulingIgnoredDuringExecution":"*"}},{"p":{"weight":"n"},"r":["weight"]},{"p":{"analysisRunMetadata":26,"args":{"a":451},"dryRun":{"a":238},"measurementRetention":{"a":239},"templates":{"a":274}}},{"p":{"name":"s","value":"s","valueFrom":452},"r":["name"]},{"p":{"fieldRef":236,"podTemplateHashValue":"s"}},{"p":{"abortScaleDownDelaySeconds":"n","analysis":454,"antiAffinity":448,"canaryMetadata":26,"canaryService":"s","dynamicStableScale":"b","maxSurge":"x","maxUnavailable":"x","minPodsPerReplicaSet":"n","pingPong":455,"replicaProgressThreshold":456,"scaleDownDelayRevisionLimit":"n","scaleDownDelaySeconds":"n","stableMetadata":26,"stableService":"s","steps":{"a":457},"trafficRouting":469}},{"p":{"startingStep":"n","analysisRunMetadata":26,"args":{"a":451},"dryRun":{"a":238},"measurementRetention":{"a":239},"templates":{"a":274}}},{"p":{"pingService":"s","pongService":"s"},"r":["pingService","pongService"]},{"p":{"type":"s","value":"n"},"r":["type","value"]},{"p":{"analysis":450,"experiment":458,"pause":461,"plugin":462,"setCanaryScale":463,"setHeaderRoute":464,"setMirrorRoute":467,"setWeight":"n"}},{"p":{"analyses":{"a":459},"analysisRunMetadata":26,"dryRun":{"a":238},"duration":"s","scaleDownDelaySeconds":"n","templates":{"a":460}},"r":["templates"]},{"p":{"args":{"a":451},"clusterScope":"b","name":"s","requiredForCompletion":"b","templateName":"s"},"r":["name","templateName"]},{"p":{"metadata":26,"name":"s","replicas":"n","selector":37,"service":39,"specRef":"s","weight":"n"},"r":["name","specRef"]},{"p":{"duration":"x"}},{"p":{"config":"*","name":"s"},"r":["name"]},{"p":{"matchTrafficWeight":"b","replicas":"n","weight":"n"}},{"p":{"match":{"a":465},"name":"s"}},{"p":{"headerName":"s","headerValue":466},"r":["headerName","headerValue"]},{"p":{"exact":"s","prefix":"s","regex":"s"}},{"p":{"match":{"a":468},"name":"s","percentage":"n"},"r":["name"]},{"p":{"headers":{"m":466},"method":466,"path":466}},{"p":{"alb":470,"ambassador":472,"apisix":473,"appMesh":475,"istio":478,"managedRoutes":{"a":142},"maxTrafficWeight":"n","nginx":483,"plugins":"*","smi":484,"traefik":485}},{"p":{"annotationPrefix":"s","ingress":"s","ingresses":{"a":"s"},"rootService":"s","servicePort":"n","stickinessConfig":471},"r":["servicePort"]},{"p":{"durationSeconds":"n","enabled":"b"},"r":["durationSeconds","enabled"]},{"p":{"mappings":{"a":"s"}},"r":["mappings"]},{"p":{"route":474}},{"p":{"name":"s","rules":{"a":"s"}},"r":["name"]},{"p":{"virtualNodeGroup":476,"virtualService":477}},{"p":{"canaryVirtualNodeRef":142,"stableVirtualNodeRef":142},"r":["canaryVirtualNodeRef","stableVirtualNodeRef"]},{"p":{"name":"s","routes":{"a":"s"}},"r":["name"]},{"p":{"destinationRule":479,"virtualService":480,"virtualServices":{"a":480}}},{"p":{"additionalSubsetNames":{"a":"s"},"canarySubsetName":"s","name":"s","stableSubsetName":"s"},"r":["canarySubsetName","name","stableSubsetName"]},{"p":{"name":"s","routes":{"a":"s"},"tcpRoutes":{"a":481},"tlsRoutes":{"a":482}},"r":["name"]},{"p":{"port":"n"}},{"p":{"port":"n","sniHosts":{"a":"s"}}},{"p":{"additionalIngressAnnotations":{"m":"s"},"annotationPrefix":"s","canaryIngressAnnotations":{"m":"s"},"stableIngress":"s","stableIngresses":{"a":"s"}}},{"p":{"rootService":"s","trafficSplitName":"s"}},{"p":{"weightedTraefikServiceName":"s"},"r":["weightedTraefikServiceName"]},{"p":{"apiVersion":"s","kind":"s","name":"s","scaleDown":"s"}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["Workflow"]},"metadata":1,"spec":363,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["WorkflowArtifactGCTask"]},"metadata":1,"spec":489,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"artifactsByNode":{"m":490}}},{"p":{"archiveLocation":408,"artifacts":{"m":365}}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["WorkflowEventBinding"]},"metadata":1,"spec":492},"r":["apiVersion","kind","metadata","spec"]},{"p":{"event":493,"submit":494},"r":["event"]},{"p":{"selector":"s"},"r":["selector"]},{"p":{"arguments":364,"metadata":1,"workflowTemplateRef":435},"r":["workflowTemplateRef"]},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["WorkflowTaskResult"]},"metadata":1,"message":"s","outputs":426,"phase":"s","progress":"s"},"r":["apiVersion","kind","metadata"]},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["WorkflowTaskSet"]},"metadata":1,"spec":497,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"tasks":{"m":407}}},{"p":{"apiVersion":{"e":["argoproj.io/v1alpha1"]},"kind":{"e":["WorkflowTemplate"]},"metadata":1,"spec":363},"r":["apiVersion","kind","metadata","spec"]},{"p":{"apiVersion":{"e":["authentication.k8s.io/v1"]},"kind":{"e":["SelfSubjectReview"]},"metadata":1,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["authentication.k8s.io/v1"]},"kind":{"e":["TokenRequest"]},"metadata":1,"spec":501,"status":"*"},"r":["apiVersion","kind"]},{"p":{"audiences":{"a":"s"},"boundObjectRef":502,"expirationSeconds":"n"}},{"p":{"apiVersion":"s","kind":"s","name":"s","uid":"s"}},{"p":{"apiVersion":{"e":["authentication.k8s.io/v1"]},"kind":{"e":["TokenReview"]},"metadata":1,"spec":504,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"audiences":{"a":"s"},"token":"s"},"r":["token"]},{"p":{"apiVersion":{"e":["authentication.k8s.io/v1beta1"]},"kind":{"e":["TokenReview"]},"metadata":1,"spec":506,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"audiences":{"a":"s"},"token":"s"}},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1"]},"kind":{"e":["LocalSubjectAccessReview"]},"metadata":1,"spec":508,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"extra":{"m":{"a":"s"}},"groups":{"a":"s"},"nonResourceAttributes":509,"resourceAttributes":510,"uid":"s","user":"s"}},{"p":{"path":"s","verb":"s"}},{"p":{"fieldSelector":511,"group":"s","labelSelector":511,"name":"s","namespace":"s","resource":"s","subresource":"s","verb":"s","version":"s"}},{"p":{"rawSelector":"s","requirements":{"a":38}}},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1"]},"kind":{"e":["SelfSubjectAccessReview"]},"metadata":1,"spec":513,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"nonResourceAttributes":509,"resourceAttributes":510}},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1"]},"kind":{"e":["SelfSubjectRulesReview"]},"metadata":1,"spec":515,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"namespace":"s"}},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1"]},"kind":{"e":["SubjectAccessReview"]},"metadata":1,"spec":508,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1beta1"]},"kind":{"e":["LocalSubjectAccessReview"]},"metadata":1,"spec":518,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"extra":{"m":{"a":"s"}},"group":{"a":"s"},"nonResourceAttributes":509,"resourceAttributes":519,"uid":"s","user":"s"}},{"p":{"group":"s","name":"s","namespace":"s","resource":"s","subresource":"s","verb":"s","version":"s"}},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1beta1"]},"kind":{"e":["SelfSubjectAccessReview"]},"metadata":1,"spec":521,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"nonResourceAttributes":509,"resourceAttributes":519}},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1beta1"]},"kind":{"e":["SelfSubjectRulesReview"]},"metadata":1,"spec":515,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["authorization.k8s.io/v1beta1"]},"kind":{"e":["SubjectAccessReview"]},"metadata":1,"spec":518,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["autoscaling/v1"]},"kind":{"e":["HorizontalPodAutoscaler"]},"metadata":1,"spec":525,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"maxReplicas":"n","minReplicas":"n","scaleTargetRef":526,"targetCPUUtilizationPercentage":"n"},"r":["maxReplicas","scaleTargetRef"]},{"p":{"apiVersion":"s","kind":"s","name":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["autoscaling/v1"]},"kind":{"e":["Scale"]},"metadata":1,"spec":215,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["autoscaling/v2"]},"kind":{"e":["HorizontalPodAutoscaler"]},"metadata":1,"spec":529,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"behavior":530,"maxReplicas":"n","metrics":{"a":533},"minReplicas":"n","scaleTargetRef":526},"r":["maxReplicas","scaleTargetRef"]},{"p":{"scaleDown":531,"scaleUp":531}},{"p":{"policies":{"a":532},"selectPolicy":"s","stabilizationWindowSeconds":"n","tolerance":"x"}},{"p":{"periodSeconds":"n","type":"s","value":"n"},"r":["periodSeconds","type","value"]},{"p":{"containerResource":534,"external":536,"object":538,"pods":536,"resource":539,"type":"s"},"r":["type"]},{"p":{"container":"s","name":"s","target":535},"r":["container","name","target"]},{"p":{"averageUtilization":"n","averageValue":"x","type":"s","value":"x"},"r":["type"]},{"p":{"metric":537,"target":535},"r":["metric","target"]},{"p":{"name":"s","selector":37},"r":["name"]},{"p":{"describedObject":526,"metric":537,"target":535},"r":["describedObject","metric","target"]},{"p":{"name":"s","target":535},"r":["name","target"]},{"p":{"apiVersion":{"e":["autoscaling/v2beta1"]},"kind":{"e":["HorizontalPodAutoscaler"]},"metadata":1,"spec":541,"status":"*"},"r":["apiVersion","kind"]},{"p":{"maxReplicas":"n","metrics":{"a":542},"minReplicas":"n","scaleTargetRef":526},"r":["maxReplicas","scaleTargetRef"]},{"p":{"containerResource":543,"external":544,"object":545,"pods":546,"resource":547,"type":"s"},"r":["type"]},{"p":{"container":"s","name":"s","targetAverageUtilization":"n","targetAverageValue":"x"},"r":["container","name"]},{"p":{"metricName":"s","metricSelector":37,"targetAverageValue":"x","targetValue":"x"},"r":["metricName"]},{"p":{"averageValue":"x","metricName":"s","selector":37,"target":526,"targetValue":"x"},"r":["metricName","target","targetValue"]},{"p":{"metricName":"s","selector":37,"targetAverageValue":"x"},"r":["metricName","targetAverageValue"]},{"p":{"name":"s","targetAverageUtilization":"n","targetAverageValue":"x"},"r":["name"]},{"p":{"apiVersion":{"e":["autoscaling/v2beta2"]},"kind":{"e":["HorizontalPodAutoscaler"]},"metadata":1,"spec":549,"status":"*"},"r":["apiVersion","kind"]},{"p":{"behavior":550,"maxReplicas":"n","metrics":{"a":533},"minReplicas":"n","scaleTargetRef":526},"r":["maxReplicas","scaleTargetRef"]},{"p":{"scaleDown":551,"scaleUp":551}},{"p":{"policies":{"a":532},"selectPolicy":"s","stabilizationWindowSeconds":"n"}},{"p":{"apiVersion":{"e":["awspca.cert-manager.io/v1beta1"]},"kind":{"e":["AWSPCAClusterIssuer"]},"metadata":1,"spec":553,"status":"*"},"r":["apiVersion","kind"]},{"p":{"arn":"s","region":"s","role":"s","secretRef":554}},{"p":{"accessKeyIDSelector":113,"secretAccessKeySelector":113,"name":"s","namespace":"s"}},{"p":{"apiVersion":{"e":["awspca.cert-manager.io/v1beta1"]},"kind":{"e":["AWSPCAIssuer"]},"metadata":1,"spec":553,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["batch/v1"]},"kind":{"e":["CronJob"]},"metadata":1,"spec":557,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"concurrencyPolicy":{"e":["Allow","Forbid","Replace"]},"failedJobsHistoryLimit":"n","jobTemplate":558,"schedule":"s","startingDeadlineSeconds":"n","successfulJobsHistoryLimit":"n","suspend":"b","timeZone":"s"},"r":["jobTemplate","schedule"]},{"p":{"metadata":1,"spec":251}},{"p":{"apiVersion":{"e":["batch/v1"]},"kind":{"e":["Job"]},"metadata":1,"spec":251,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["batch/v1beta1"]},"kind":{"e":["CronJob"]},"metadata":1,"spec":561,"status":"*"},"r":["apiVersion","kind"]},{"p":{"concurrencyPolicy":"s","failedJobsHistoryLimit":"n","jobTemplate":558,"schedule":"s","startingDeadlineSeconds":"n","successfulJobsHistoryLimit":"n","suspend":"b","timeZone":"s"},"r":["jobTemplate","schedule"]},{"p":{"apiVersion":{"e":["bitnami.com/v1alpha1"]},"kind":{"e":["SealedSecret"]},"metadata":1,"spec":563,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"data":"s","encryptedData":{"m":"s"},"template":564},"r":["encryptedData"]},{"p":{"data":{"m":"s"},"immutable":"b","metadata":1,"type":"s"}},{"p":{"apiVersion":{"e":["cert-manager.io/v1"]},"kind":{"e":["Certificate"]},"metadata":1,"spec":566,"status":"*"},"r":["apiVersion","kind"]},{"p":{"additionalOutputFormats":{"a":567},"commonName":"s","dnsNames":{"a":"s"},"duration":"s","emailAddresses":{"a":"s"},"encodeUsagesInRequest":"b","ipAddresses":{"a":"s"},"isCA":"b","issuerRef":5,"keystores":568,"literalSubject":"s","nameConstraints":571,"otherNames":{"a":573},"privateKey":574,"renewBefore":"s","renewBeforePercentage":"n","revisionHistoryLimit":"n","secretName":"s","secretTemplate":26,"signatureAlgorithm":{"e":["ECDSAWithSHA256","ECDSAWithSHA384","ECDSAWithSHA512","PureEd25519","SHA256WithRSA","SHA384WithRSA","SHA512WithRSA"]},"subject":575,"uris":{"a":"s"},"usages":{"a":{"e":["any","cert sign","client auth","code signing","content commitment","crl sign","data encipherment","decipher only","digital signature","email protection","encipher only","ipsec end system","ipsec tunnel","ipsec user","key agreement","key encipherment","microsoft sgc","netscape sgc","ocsp signing","s/mime","server auth","signing","timestamping"]}}},"r":["issuerRef","secretName"]},{"p":{"type":{"e":["CombinedPEM","DER"]}},"r":["type"]},{"p":{"jks":569,"pkcs12":570}},{"p":{"alias":"s","create":"b","password":"s","passwordSecretRef":9},"r":["create"]},{"p":{"create":"b","password":"s","passwordSecretRef":9,"profile":{"e":["LegacyDES","LegacyRC2","Modern2023"]}},"r":["create"]},{"p":{"critical":"b","excluded":572,"permitted":572}},{"p":{"dnsDomains":{"a":"s"},"emailAddresses":{"a":"s"},"ipRanges":{"a":"s"},"uriDomains":{"a":"s"}}},{"p":{"oid":"s","utf8Value":"s"}},{"p":{"algorithm":{"e":["ECDSA","Ed25519","RSA"]},"encoding":{"e":["PKCS1","PKCS8"]},"rotationPolicy":{"e":["Always","Never"]},"size":"n"}},{"p":{"countries":{"a":"s"},"localities":{"a":"s"},"organizationalUnits":{"a":"s"},"organizations":{"a":"s"},"postalCodes":{"a":"s"},"provinces":{"a":"s"},"serialNumber":"s","streetAddresses":{"a":"s"}}},{"p":{"apiVersion":{"e":["cert-manager.io/v1"]},"kind":{"e":["CertificateRequest"]},"metadata":1,"spec":577,"status":"*"},"r":["apiVersion","kind"]},{"p":{"duration":"s","extra":{"m":{"a":"s"}},"groups":{"a":"s"},"isCA":"b","issuerRef":5,"request":"s","uid":"s","usages":{"a":{"e":["any","cert sign","client auth","code signing","content commitment","crl sign","data encipherment","decipher only","digital signature","email protection","encipher only","ipsec end system","ipsec tunnel","ipsec user","key agreement","key encipherment","microsoft sgc","netscape sgc","ocsp signing","s/mime","server auth","signing","timestamping"]}},"username":"s"},"r":["issuerRef","request"]},{"p":{"apiVersion":{"e":["cert-manager.io/v1"]},"kind":{"e":["ClusterIssuer"]},"metadata":1,"spec":579,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"acme":580,"ca":582,"selfSigned":583,"vault":584,"venafi":589}},{"p":{"caBundle":"s","disableAccountKeyGeneration":"b","email":"s","enableDurationFeature":"b","externalAccountBinding":581,"preferredChain":"s","privateKeySecretRef":9,"profile":"s","server":"s","skipTLSVerify":"b","solvers":{"a":6}},"r":["privateKeySecretRef","server"]},{"p":{"keyAlgorithm":{"e":["HS256","HS384","HS512"]},"keyID":"s","keySecretRef":9},"r":["keyID","keySecretRef"]},{"p":{"crlDistributionPoints":{"a":"s"},"issuingCertificateURLs":{"a":"s"},"ocspServers":{"a":"s"},"secretName":"s"},"r":["secretName"]},{"p":{"crlDistributionPoints":{"a":"s"}}},{"p":{"auth":585,"caBundle":"s","caBundleSecretRef":9,"clientCertSecretRef":9,"clientKeySecretRef":9,"namespace":"s","path":"s","server":"s","serverName":"s"},"r":["auth","path","server"]},{"p":{"appRole":586,"clientCertificate":587,"kubernetes":588,"tokenSecretRef":9}},{"p":{"path":"s","roleId":"s","secretRef":9},"r":["path","roleId","secretRef"]},{"p":{"mountPath":"s","name":"s","secretName":"s"}},{"p":{"mountPath":"s","role":"s","secretRef":9,"serviceAccountRef":20},"r":["role"]},{"p":{"cloud":590,"tpp":591,"zone":"s"},"r":["zone"]},{"p":{"apiTokenSecretRef":9,"url":"s"},"r":["apiTokenSecretRef"]},{"p":{"caBundle":"s","caBundleSecretRef":9,"credentialsRef":142,"url":"s"},"r":["credentialsRef","url"]},{"p":{"apiVersion":{"e":["cert-manager.io/v1"]},"kind":{"e":["Issuer"]},"metadata":1,"spec":579,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["certificates.k8s.io/v1"]},"kind":{"e":["CertificateSigningRequest"]},"metadata":1,"spec":594,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"expirationSeconds":"n","extra":{"m":{"a":"s"}},"groups":{"a":"s"},"request":"s","signerName":"s","uid":"s","usages":{"a":{"e":["any","cert sign","client auth","code signing","content commitment","crl sign","data encipherment","decipher only","digital signature","email protection","encipher only","ipsec end system","ipsec tunnel","ipsec user","key agreement","key encipherment","microsoft sgc","netscape sgc","ocsp signing","s/mime","server auth","signing","timestamping"]}},"username":"s"},"r":["request","signerName"]},{"p":{"apiVersion":{"e":["certificates.k8s.io/v1beta1"]},"kind":{"e":["CertificateSigningRequest"]},"metadata":1,"spec":596,"status":"*"},"r":["apiVersion","kind"]},{"p":{"extra":{"m":{"a":"s"}},"groups":{"a":"s"},"request":"s","signerName":"s","uid":"s","usages":{"a":"s"},"username":"s"},"r":["request"]},{"p":{"apiVersion":{"e":["coordination.k8s.io/v1"]},"kind":{"e":["Lease"]},"metadata":1,"spec":598},"r":["apiVersion","kind"]},{"p":{"acquireTime":"s","holderIdentity":"s","leaseDurationSeconds":"n","leaseTransitions":"n","preferredHolder":"s","renewTime":"s","strategy":"s"}},{"p":{"apiVersion":{"e":["coordination.k8s.io/v1beta1"]},"kind":{"e":["Lease"]},"metadata":1,"spec":600},"r":["apiVersion","kind"]},{"p":{"acquireTime":"s","holderIdentity":"s","leaseDurationSeconds":"n","leaseTransitions":"n","renewTime":"s"}},{"p":{"addressType":{"e":["FQDN","IPv4","IPv6"]},"apiVersion":{"e":["discovery.k8s.io/v1"]},"endpoints":{"a":602},"kind":{"e":["EndpointSlice"]},"metadata":1,"ports":{"a":606}},"r":["addressType","apiVersion","kind"]},{"p":{"addresses":{"a":"s"},"conditions":603,"deprecatedTopology":{"m":"s"},"hints":604,"hostname":"s","nodeName":"s","targetRef":605,"zone":"s"},"r":["addresses"]},{"p":{"ready":"b","serving":"b","terminating":"b"}},{"p":{"forNodes":{"a":142},"forZones":{"a":142}}},{"p":{"apiVersion":"s","fieldPath":"s","kind":"s","name":"s","namespace":"s","resourceVersion":"s","uid":"s"}},{"p":{"appProtocol":"s","name":"s","port":"n","protocol":{"e":["SCTP","TCP","UDP"]}}},{"p":{"addressType":"s","apiVersion":{"e":["discovery.k8s.io/v1beta1"]},"endpoints":{"a":608},"kind":{"e":["EndpointSlice"]},"metadata":1,"ports":{"a":610}},"r":["addressType","apiVersion","endpoints","kind"]},{"p":{"addresses":{"a":"s"},"conditions":603,"hints":609,"hostname":"s","nodeName":"s","targetRef":605,"topology":{"m":"s"}},"r":["addresses"]},{"p":{"forZones":{"a":142}}},{"p":{"appProtocol":"s","name":"s","port":"n","protocol":"s"}},{"p":{"apiVersion":{"e":["eventing.keda.sh/v1alpha1"]},"kind":{"e":["CloudEventSource"]},"metadata":1,"spec":612,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"authenticationRef":613,"clusterName":"s","destination":614,"eventSubscription":617},"r":["destination"]},{"p":{"kind":"s","name":"s"},"r":["name"]},{"p":{"azureEventGridTopic":615,"http":616}},{"p":{"endpoint":"s"},"r":["endpoint"]},{"p":{"uri":"s"},"r":["uri"]},{"p":{"excludedEventTypes":{"a":{"e":["keda.authentication.clustertriggerauthentication.created.v1","keda.authentication.clustertriggerauthentication.removed.v1","keda.authentication.clustertriggerauthentication.updated.v1","keda.authentication.triggerauthentication.created.v1","keda.authentication.triggerauthentication.removed.v1","keda.authentication.triggerauthentication.updated.v1","keda.scaledjob.failed.v1","keda.scaledjob.paused.v1","keda.scaledjob.ready.v1","keda.scaledjob.removed.v1","keda.scaledjob.rolloutcleanup.completed.v1","keda.scaledjob.rolloutcleanup.failed.v1","keda.scaledjob.rolloutcleanup.started.v1","keda.scaledjob.unpaused.v1","keda.scaledobject.failed.v1","keda.scaledobject.paused.v1","keda.scaledobject.ready.v1","keda.scaledobject.removed.v1","keda.scaledobject.unpaused.v1"]}},"includedEventTypes":{"a":{"e":["keda.authentication.clustertriggerauthentication.created.v1","keda.authentication.clustertriggerauthentication.removed.v1","keda.authentication.clustertriggerauthentication.updated.v1","keda.authentication.triggerauthentication.created.v1","keda.authentication.triggerauthentication.removed.v1","keda.authentication.triggerauthentication.updated.v1","keda.scaledjob.failed.v1","keda.scaledjob.paused.v1","keda.scaledjob.ready.v1","keda.scaledjob.removed.v1","keda.scaledjob.rolloutcleanup.completed.v1","keda.scaledjob.rolloutcleanup.failed.v1","keda.scaledjob.rolloutcleanup.started.v1","keda.scaledjob.unpaused.v1","keda.scaledobject.failed.v1","keda.scaledobject.paused.v1","keda.scaledobject.ready.v1","keda.scaledobject.removed.v1","keda.scaledobject.unpaused.v1"]}}}},{"p":{"apiVersion":{"e":["eventing.keda.sh/v1alpha1"]},"kind":{"e":["ClusterCloudEventSource"]},"metadata":1,"spec":612,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1"]},"kind":{"e":["Broker"]},"metadata":1,"spec":620,"status":"*"},"r":["apiVersion","kind"]},{"p":{"config":621,"delivery":622}},{"p":{"address":"s","apiVersion":"s","group":"s","kind":"s","name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"backoffDelay":"s","backoffPolicy":"s","deadLetterSink":623,"format":"s","retry":"n","retryAfterMax":"s","timeout":"s"}},{"p":{"CACerts":"s","audience":"s","ref":621,"uri":"s"}},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1"]},"kind":{"e":["Trigger"]},"metadata":1,"spec":625,"status":"*"},"r":["apiVersion","kind"]},{"p":{"broker":"s","brokerRef":621,"delivery":622,"filter":626,"filters":{"a":627},"subscriber":623},"r":["subscriber"]},{"p":{"attributes":{"m":"s"}}},{"p":{"all":{"a":627},"any":{"a":627},"cesql":"s","exact":{"m":"s"},"not":627,"prefix":{"m":"s"},"suffix":{"m":"s"}}},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1alpha1"]},"kind":{"e":["EventPolicy"]},"metadata":1,"spec":629,"status":"*"},"r":["apiVersion","kind"]},{"p":{"filters":{"a":627},"from":{"a":630},"to":{"a":632}}},{"p":{"ref":631,"sub":"s"}},{"p":{"apiVersion":"s","kind":"s","name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"ref":526,"selector":633}},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1alpha1"]},"kind":{"e":["EventPolicySelector"]},"matchExpressions":{"a":38},"matchLabels":{"m":"s"}},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1alpha1"]},"kind":{"e":["EventTransform"]},"metadata":1,"spec":635,"status":"*"},"r":["apiVersion","kind"]},{"p":{"reply":636,"sink":623,"jsonata":57}},{"p":{"discard":"b","jsonata":57}},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1alpha1"]},"kind":{"e":["RequestReply"]},"metadata":1,"spec":638,"status":"*"},"r":["apiVersion","kind"]},{"p":{"brokerRef":621,"correlationAttribute":"s","delivery":622,"replyAttribute":"s","timeout":"s"},"r":["brokerRef","correlationAttribute","replyAttribute"]},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1beta1"]},"kind":{"e":["EventType"]},"metadata":1,"spec":640,"status":"*"},"r":["apiVersion","kind"]},{"p":{"broker":"s","description":"s","reference":621,"schema":"s","schemaData":"s","source":"s","type":"s"},"r":["type"]},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1beta2"]},"kind":{"e":["EventType"]},"metadata":1,"spec":640,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["eventing.knative.dev/v1beta3"]},"kind":{"e":["EventType"]},"metadata":1,"spec":643,"status":"*"},"r":["apiVersion","kind"]},{"p":{"attributes":{"a":644},"description":"s","reference":621},"r":["attributes"]},{"p":{"name":"s","required":"b","value":"s"},"r":["name","required"]},{"p":{"action":"s","apiVersion":{"e":["events.k8s.io/v1"]},"deprecatedCount":"n","deprecatedFirstTimestamp":"s","deprecatedLastTimestamp":"s","deprecatedSource":646,"eventTime":"s","kind":{"e":["Event"]},"metadata":1,"note":"s","reason":"s","regarding":605,"related":605,"reportingController":"s","reportingInstance":"s","series":647,"type":"s"},"r":["apiVersion","eventTime","kind"]},{"p":{"component":"s","host":"s"}},{"p":{"count":"n","lastObservedTime":"s"},"r":["count","lastObservedTime"]},{"p":{"action":"s","apiVersion":{"e":["events.k8s.io/v1beta1"]},"deprecatedCount":"n","deprecatedFirstTimestamp":"s","deprecatedLastTimestamp":"s","deprecatedSource":646,"eventTime":"s","kind":{"e":["Event"]},"metadata":1,"note":"s","reason":"s","regarding":605,"related":605,"reportingController":"s","reportingInstance":"s","series":647,"type":"s"},"r":["apiVersion","eventTime","kind"]},{"p":{"spec":650,"status":"*","apiVersion":{"e":["extensions.istio.io/v1alpha1"]},"kind":{"e":["WasmPlugin"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"failStrategy":{"e":["FAIL_CLOSE","FAIL_OPEN","FAIL_RELOAD"]},"imagePullPolicy":{"e":["Always","IfNotPresent","UNSPECIFIED_POLICY"]},"imagePullSecret":"s","match":{"a":651},"phase":{"e":["AUTHN","AUTHZ","STATS","UNSPECIFIED_PHASE"]},"pluginConfig":"*","pluginName":"s","priority":"n","selector":653,"sha256":"s","targetRef":281,"targetRefs":{"a":281},"type":{"e":["HTTP","NETWORK","UNSPECIFIED_PLUGIN_TYPE"]},"url":"s","verificationKey":"s","vmConfig":654},"r":["url"]},{"p":{"mode":{"e":["CLIENT","CLIENT_AND_SERVER","SERVER","UNDEFINED"]},"ports":{"a":652}}},{"p":{"number":"n"},"r":["number"]},{"p":{"matchLabels":{"m":"s"}}},{"p":{"env":{"a":655}}},{"p":{"name":"s","value":"s","valueFrom":{"e":["HOST","INLINE"]}},"r":["name"]},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["DaemonSet"]},"metadata":1,"spec":657,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","revisionHistoryLimit":"n","selector":37,"template":108,"templateGeneration":"n","updateStrategy":224},"r":["template"]},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["Deployment"]},"metadata":1,"spec":210,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["DeploymentRollback"]},"name":"s","rollbackTo":211,"updatedAnnotations":{"m":"s"}},"r":["apiVersion","kind","name","rollbackTo"]},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["Ingress"]},"metadata":1,"spec":661,"status":"*"},"r":["apiVersion","kind"]},{"p":{"backend":662,"ingressClassName":"s","rules":{"a":663},"tls":{"a":666}}},{"p":{"resource":163,"serviceName":"s","servicePort":"x"}},{"p":{"host":"s","http":664}},{"p":{"paths":{"a":665}},"r":["paths"]},{"p":{"backend":662,"path":"s","pathType":"s"},"r":["backend"]},{"p":{"hosts":{"a":"s"},"secretName":"s"}},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["NetworkPolicy"]},"metadata":1,"spec":668},"r":["apiVersion","kind"]},{"p":{"egress":{"a":669},"ingress":{"a":673},"podSelector":37,"policyTypes":{"a":"s"}},"r":["podSelector"]},{"p":{"ports":{"a":670},"to":{"a":671}}},{"p":{"port":"x","protocol":"s"}},{"p":{"ipBlock":672,"namespaceSelector":37,"podSelector":37}},{"p":{"cidr":"s","except":{"a":"s"}},"r":["cidr"]},{"p":{"from":{"a":671},"ports":{"a":670}}},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["PodSecurityPolicy"]},"metadata":1,"spec":675},"r":["apiVersion","kind"]},{"p":{"allowPrivilegeEscalation":"b","allowedCSIDrivers":{"a":142},"allowedCapabilities":{"a":"s"},"allowedFlexVolumes":{"a":676},"allowedHostPaths":{"a":677},"allowedProcMountTypes":{"a":"s"},"allowedUnsafeSysctls":{"a":"s"},"defaultAddCapabilities":{"a":"s"},"defaultAllowPrivilegeEscalation":"b","forbiddenSysctls":{"a":"s"},"fsGroup":678,"hostIPC":"b","hostNetwork":"b","hostPID":"b","hostPorts":{"a":679},"privileged":"b","readOnlyRootFilesystem":"b","requiredDropCapabilities":{"a":"s"},"runAsGroup":680,"runAsUser":680,"runtimeClass":681,"seLinux":682,"supplementalGroups":678,"volumes":{"a":"s"}},"r":["fsGroup","runAsUser","seLinux","supplementalGroups"]},{"p":{"driver":"s"},"r":["driver"]},{"p":{"pathPrefix":"s","readOnly":"b"}},{"p":{"ranges":{"a":679},"rule":"s"}},{"p":{"max":"n","min":"n"},"r":["max","min"]},{"p":{"ranges":{"a":679},"rule":"s"},"r":["rule"]},{"p":{"allowedRuntimeClassNames":{"a":"s"},"defaultRuntimeClassName":"s"},"r":["allowedRuntimeClassNames"]},{"p":{"rule":"s","seLinuxOptions":42},"r":["rule"]},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["ReplicaSet"]},"metadata":1,"spec":684,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","replicas":"n","selector":37,"template":108}},{"p":{"apiVersion":{"e":["extensions/v1beta1"]},"kind":{"e":["Scale"]},"metadata":1,"spec":215,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1"]},"kind":{"e":["ClusterExternalSecret"]},"metadata":1,"spec":687,"status":"*"},"r":["apiVersion","kind"]},{"p":{"externalSecretMetadata":26,"externalSecretName":"s","externalSecretSpec":688,"namespaceSelector":37,"namespaceSelectors":{"a":37},"namespaces":{"a":"s"},"refreshTime":"s"},"r":["externalSecretSpec"]},{"p":{"data":{"a":689},"dataFrom":{"a":694},"refreshInterval":"s","refreshPolicy":{"e":["CreatedOnce","OnChange","Periodic"]},"secretStoreRef":693,"target":700}},{"p":{"remoteRef":690,"secretKey":"s","sourceRef":691},"r":["remoteRef","secretKey"]},{"p":{"conversionStrategy":{"e":["Default","Unicode"]},"decodingStrategy":{"e":["Auto","Base64","Base64URL","None"]},"key":"s","metadataPolicy":{"e":["Fetch","None"]},"property":"s","version":"s"},"r":["key"]},{"p":{"generatorRef":692,"storeRef":693}},{"p":{"apiVersion":"s","kind":{"e":["ACRAccessToken","ClusterGenerator","ECRAuthorizationToken","Fake","GCRAccessToken","GithubAccessToken","Grafana","Password","QuayAccessToken","STSSessionToken","UUID","VaultDynamicSecret","Webhook"]},"name":"s"},"r":["kind","name"]},{"p":{"kind":{"e":["ClusterSecretStore","SecretStore"]},"name":"s"}},{"p":{"extract":690,"find":695,"rewrite":{"a":697},"sourceRef":691}},{"p":{"conversionStrategy":{"e":["Default","Unicode"]},"decodingStrategy":{"e":["Auto","Base64","Base64URL","None"]},"name":696,"path":"s","tags":{"m":"s"}}},{"p":{"regexp":"s"}},{"p":{"regexp":698,"transform":699}},{"p":{"source":"s","target":"s"},"r":["source","target"]},{"p":{"template":"s"},"r":["template"]},{"p":{"creationPolicy":{"e":["Merge","None","Orphan","Owner"]},"deletionPolicy":{"e":["Delete","Merge","Retain"]},"immutable":"b","name":"s","template":701}},{"p":{"data":{"m":"s"},"engineVersion":{"e":["v2"]},"mergePolicy":{"e":["Merge","Replace"]},"metadata":26,"templateFrom":{"a":702},"type":"s"}},{"p":{"configMap":703,"literal":"s","secret":703,"target":{"e":["Annotations","Data","Labels"]}}},{"p":{"items":{"a":704},"name":"s"},"r":["items","name"]},{"p":{"key":"s","templateAs":{"e":["KeysAndValues","Values"]}},"r":["key"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1"]},"kind":{"e":["ClusterSecretStore"]},"metadata":1,"spec":706,"status":"*"},"r":["apiVersion","kind"]},{"p":{"conditions":{"a":707},"controller":"s","provider":708,"refreshInterval":"n","retrySettings":814},"r":["provider"]},{"p":{"namespaceRegexes":{"a":"s"},"namespaceSelector":37,"namespaces":{"a":"s"}}},{"p":{"akeyless":709,"alibaba":716,"aws":720,"azurekv":725,"beyondtrust":727,"bitwardensecretsmanager":731,"chef":734,"cloudrusm":737,"conjur":739,"delinea":743,"device42":744,"doppler":747,"fake":750,"fortanix":752,"gcpsm":754,"github":758,"gitlab":760,"ibm":763,"infisical":767,"keepersecurity":771,"kubernetes":772,"onboardbase":777,"onepassword":779,"oracle":782,"passbolt":785,"passworddepot":787,"previder":788,"pulumi":791,"scaleway":792,"secretserver":793,"senhasegura":794,"vault":796,"webhook":806,"yandexcertificatemanager":811,"yandexlockbox":811}},{"p":{"akeylessGWApiURL":"s","authSecretRef":710,"caBundle":"s","caProvider":715},"r":["akeylessGWApiURL","authSecretRef"]},{"p":{"kubernetesAuth":711,"secretRef":714}},{"p":{"accessID":"s","k8sConfName":"s","secretRef":712,"serviceAccountRef":713},"r":["accessID","k8sConfName"]},{"p":{"key":"s","name":"s","namespace":"s"}},{"p":{"audiences":{"a":"s"},"name":"s","namespace":"s"},"r":["name"]},{"p":{"accessID":712,"accessType":712,"accessTypeParam":712}},{"p":{"key":"s","name":"s","namespace":"s","type":"s"},"r":["name","type"]},{"p":{"auth":717,"regionID":"s"},"r":["auth","regionID"]},{"p":{"rrsa":718,"secretRef":719}},{"p":{"oidcProviderArn":"s","oidcTokenFilePath":"s","roleArn":"s","sessionName":"s"},"r":["oidcProviderArn","oidcTokenFilePath","roleArn","sessionName"]},{"p":{"accessKeyIDSecretRef":712,"accessKeySecretSecretRef":712},"r":["accessKeyIDSecretRef","accessKeySecretSecretRef"]},{"p":{"additionalRoles":{"a":"s"},"auth":721,"externalID":"s","prefix":"s","region":"s","role":"s","secretsManager":724,"service":{"e":["ParameterStore","SecretsManager"]},"sessionTags":{"a":267},"transitiveTagKeys":{"a":"s"}},"r":["region","service"]},{"p":{"jwt":722,"secretRef":723}},{"p":{"serviceAccountRef":713}},{"p":{"accessKeyIDSecretRef":712,"secretAccessKeySecretRef":712,"sessionTokenSecretRef":712}},{"p":{"forceDeleteWithoutRecovery":"b","recoveryWindowInDays":"n"}},{"p":{"authSecretRef":726,"authType":{"e":["ManagedIdentity","ServicePrincipal","WorkloadIdentity"]},"environmentType":{"e":["ChinaCloud","GermanCloud","PublicCloud","USGovernmentCloud"]},"identityId":"s","serviceAccountRef":713,"tenantId":"s","vaultUrl":"s"},"r":["vaultUrl"]},{"p":{"clientCertificate":712,"clientId":712,"clientSecret":712,"tenantId":712}},{"p":{"auth":728,"server":730},"r":["auth","server"]},{"p":{"apiKey":729,"certificate":729,"certificateKey":729,"clientId":729,"clientSecret":729}},{"p":{"secretRef":712,"value":"s"}},{"p":{"apiUrl":"s","apiVersion":"s","clientTimeOutSeconds":"n","retrievalType":"s","separator":"s","verifyCA":"b"},"r":["apiUrl","verifyCA"]},{"p":{"apiURL":"s","auth":732,"bitwardenServerSDKURL":"s","caBundle":"s","caProvider":715,"identityURL":"s","organizationID":"s","projectID":"s"},"r":["auth","organizationID","projectID"]},{"p":{"secretRef":733},"r":["secretRef"]},{"p":{"credentials":712},"r":["credentials"]},{"p":{"auth":735,"serverUrl":"s","username":"s"},"r":["auth","serverUrl","username"]},{"p":{"secretRef":736},"r":["secretRef"]},{"p":{"privateKeySecretRef":712},"r":["privateKeySecretRef"]},{"p":{"auth":738,"projectID":"s"},"r":["auth"]},{"p":{"secretRef":719}},{"p":{"auth":740,"caBundle":"s","caProvider":715,"url":"s"},"r":["auth","url"]},{"p":{"apikey":741,"jwt":742}},{"p":{"account":"s","apiKeyRef":712,"userRef":712},"r":["account","apiKeyRef","userRef"]},{"p":{"account":"s","hostId":"s","secretRef":712,"serviceAccountRef":713,"serviceID":"s"},"r":["account","serviceID"]},{"p":{"clientId":729,"clientSecret":729,"tenant":"s","tld":"s","urlTemplate":"s"},"r":["clientId","clientSecret","tenant"]},{"p":{"auth":745,"host":"s"},"r":["auth","host"]},{"p":{"secretRef":746},"r":["secretRef"]},{"p":{"credentials":712}},{"p":{"auth":748,"config":"s","format":{"e":["docker","dotnet-json","env","json","yaml"]},"nameTransformer":{"e":["camel","dotnet-env","lower-kebab","lower-snake","tf-var","upper-camel"]},"project":"s"},"r":["auth"]},{"p":{"secretRef":749},"r":["secretRef"]},{"p":{"dopplerToken":712},"r":["dopplerToken"]},{"p":{"data":{"a":751}},"r":["data"]},{"p":{"key":"s","value":"s","version":"s"},"r":["key","value"]},{"p":{"apiKey":753,"apiUrl":"s"}},{"p":{"secretRef":712}},{"p":{"auth":755,"location":"s","projectID":"s"}},{"p":{"secretRef":756,"workloadIdentity":757}},{"p":{"secretAccessKeySecretRef":712}},{"p":{"clusterLocation":"s","clusterName":"s","clusterProjectID":"s","serviceAccountRef":713},"r":["serviceAccountRef"]},{"p":{"appID":"n","auth":759,"environment":"s","installationID":"n","organization":"s","repository":"s","uploadURL":"s","url":"s"},"r":["appID","auth","installationID","organization"]},{"p":{"privateKey":712},"r":["privateKey"]},{"p":{"auth":761,"environment":"s","groupIDs":{"a":"s"},"inheritFromGroups":"b","projectID":"s","url":"s"},"r":["auth"]},{"p":{"SecretRef":762},"r":["SecretRef"]},{"p":{"accessToken":712}},{"p":{"auth":764,"serviceUrl":"s"},"r":["auth"]},{"p":{"containerAuth":765,"secretRef":766}},{"p":{"iamEndpoint":"s","profile":"s","tokenLocation":"s"},"r":["profile"]},{"p":{"secretApiKeySecretRef":712}},{"p":{"auth":768,"hostAPI":"s","secretsScope":770},"r":["auth","secretsScope"]},{"p":{"universalAuthCredentials":769}},{"p":{"clientId":712,"clientSecret":712},"r":["clientId","clientSecret"]},{"p":{"environmentSlug":"s","expandSecretReferences":"b","projectSlug":"s","recursive":"b","secretsPath":"s"},"r":["environmentSlug","projectSlug"]},{"p":{"authRef":712,"folderID":"s"},"r":["authRef","folderID"]},{"p":{"auth":773,"authRef":712,"remoteNamespace":"s","server":776}},{"p":{"cert":774,"serviceAccount":713,"token":775}},{"p":{"clientCert":712,"clientKey":712}},{"p":{"bearerToken":712}},{"p":{"caBundle":"s","caProvider":715,"url":"s"}},{"p":{"apiHost":"s","auth":778,"environment":"s","project":"s"},"r":["apiHost","auth","environment","project"]},{"p":{"apiKeyRef":712,"passcodeRef":712},"r":["apiKeyRef","passcodeRef"]},{"p":{"auth":780,"connectHost":"s","vaults":{"m":"n"}},"r":["auth","connectHost","vaults"]},{"p":{"secretRef":781},"r":["secretRef"]},{"p":{"connectTokenSecretRef":712},"r":["connectTokenSecretRef"]},{"p":{"auth":783,"compartment":"s","encryptionKey":"s","principalType":{"e":["","InstancePrincipal","UserPrincipal","Workload"]},"region":"s","serviceAccountRef":713,"vault":"s"},"r":["region","vault"]},{"p":{"secretRef":784,"tenancy":"s","user":"s"},"r":["secretRef","tenancy","user"]},{"p":{"fingerprint":712,"privatekey":712},"r":["fingerprint","privatekey"]},{"p":{"auth":786,"host":"s"},"r":["auth","host"]},{"p":{"passwordSecretRef":712,"privateKeySecretRef":712},"r":["passwordSecretRef","privateKeySecretRef"]},{"p":{"auth":745,"database":"s","host":"s"},"r":["auth","database","host"]},{"p":{"auth":789,"baseUri":"s"},"r":["auth"]},{"p":{"secretRef":790}},{"p":{"accessToken":712},"r":["accessToken"]},{"p":{"accessToken":753,"apiUrl":"s","environment":"s","organization":"s","project":"s"},"r":["accessToken","environment","organization","project"]},{"p":{"accessKey":729,"apiUrl":"s","projectId":"s","region":"s","secretKey":729},"r":["accessKey","projectId","region","secretKey"]},{"p":{"password":729,"serverURL":"s","username":729},"r":["password","serverURL","username"]},{"p":{"auth":795,"ignoreSslCertificate":"b","module":"s","url":"s"},"r":["auth","module","url"]},{"p":{"clientId":"s","clientSecretSecretRef":712},"r":["clientId","clientSecretSecretRef"]},{"p":{"auth":797,"caBundle":"s","caProvider":715,"forwardInconsistent":"b","headers":{"m":"s"},"namespace":"s","path":"s","readYourWrites":"b","server":"s","tls":805,"version":"s"},"r":["server"]},{"p":{"appRole":798,"cert":799,"iam":800,"jwt":801,"kubernetes":803,"ldap":804,"namespace":"s","tokenSecretRef":712,"userPass":804}},{"p":{"path":"s","roleId":"s","roleRef":712,"secretRef":712},"r":["path","secretRef"]},{"p":{"clientCert":712,"secretRef":712}},{"p":{"externalID":"s","jwt":722,"path":"s","region":"s","role":"s","secretRef":723,"vaultAwsIamServerID":"s","vaultRole":"s"},"r":["vaultRole"]},{"p":{"kubernetesServiceAccountToken":802,"path":"s","role":"s","secretRef":712},"r":["path"]},{"p":{"audiences":{"a":"s"},"expirationSeconds":"n","serviceAccountRef":713},"r":["serviceAccountRef"]},{"p":{"mountPath":"s","role":"s","secretRef":712,"serviceAccountRef":713},"r":["mountPath","role"]},{"p":{"path":"s","secretRef":712,"username":"s"},"r":["path","username"]},{"p":{"certSecretRef":712,"keySecretRef":712}},{"p":{"auth":807,"body":"s","caBundle":"s","caProvider":715,"headers":{"m":"s"},"method":"s","result":809,"secrets":{"a":810},"timeout":"s","url":"s"},"r":["result","url"]},{"p":{"ntlm":808}},{"p":{"passwordSecret":712,"usernameSecret":712},"r":["passwordSecret","usernameSecret"]},{"p":{"jsonPath":"s"}},{"p":{"name":"s","secretRef":712},"r":["name","secretRef"]},{"p":{"apiEndpoint":"s","auth":812,"caProvider":813},"r":["auth"]},{"p":{"authorizedKeySecretRef":712}},{"p":{"certSecretRef":712}},{"p":{"maxRetries":"n","retryInterval":"s"}},{"p":{"apiVersion":{"e":["external-secrets.io/v1"]},"kind":{"e":["ExternalSecret"]},"metadata":1,"spec":688,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1"]},"kind":{"e":["SecretStore"]},"metadata":1,"spec":706,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1alpha1"]},"kind":{"e":["ClusterPushSecret"]},"metadata":1,"spec":818,"status":"*"},"r":["apiVersion","kind"]},{"p":{"namespaceSelectors":{"a":37},"pushSecretMetadata":26,"pushSecretName":"s","pushSecretSpec":819,"refreshTime":"s"},"r":["pushSecretSpec"]},{"p":{"data":{"a":820},"deletionPolicy":{"e":["Delete","None"]},"refreshInterval":"s","secretStoreRefs":{"a":823},"selector":824,"template":701,"updatePolicy":{"e":["IfNotExists","Replace"]}},"r":["secretStoreRefs","selector"]},{"p":{"conversionStrategy":{"e":["None","ReverseUnicode"]},"match":821,"metadata":"*"},"r":["match"]},{"p":{"remoteRef":822,"secretKey":"s"},"r":["remoteRef"]},{"p":{"property":"s","remoteKey":"s"},"r":["remoteKey"]},{"p":{"kind":{"e":["ClusterSecretStore","SecretStore"]},"labelSelector":37,"name":"s"}},{"p":{"generatorRef":692,"secret":825}},{"p":{"name":"s","selector":37}},{"p":{"apiVersion":{"e":["external-secrets.io/v1alpha1"]},"kind":{"e":["PushSecret"]},"metadata":1,"spec":819,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1beta1"]},"kind":{"e":["ClusterExternalSecret"]},"metadata":1,"spec":687,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1beta1"]},"kind":{"e":["ClusterSecretStore"]},"metadata":1,"spec":706,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1beta1"]},"kind":{"e":["ExternalSecret"]},"metadata":1,"spec":688,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["external-secrets.io/v1beta1"]},"kind":{"e":["SecretStore"]},"metadata":1,"spec":706,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1"]},"kind":{"e":["FlowSchema"]},"metadata":1,"spec":832,"status":"*"},"r":["apiVersion","kind"]},{"p":{"distinguisherMethod":833,"matchingPrecedence":"n","priorityLevelConfiguration":142,"rules":{"a":834}},"r":["priorityLevelConfiguration"]},{"p":{"type":"s"},"r":["type"]},{"p":{"nonResourceRules":{"a":835},"resourceRules":{"a":836},"subjects":{"a":837}},"r":["subjects"]},{"p":{"nonResourceURLs":{"a":"s"},"verbs":{"a":"s"}},"r":["nonResourceURLs","verbs"]},{"p":{"apiGroups":{"a":"s"},"clusterScope":"b","namespaces":{"a":"s"},"resources":{"a":"s"},"verbs":{"a":"s"}},"r":["apiGroups","resources","verbs"]},{"p":{"group":142,"kind":"s","serviceAccount":838,"user":142},"r":["kind"]},{"p":{"name":"s","namespace":"s"},"r":["name","namespace"]},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1"]},"kind":{"e":["PriorityLevelConfiguration"]},"metadata":1,"spec":840,"status":"*"},"r":["apiVersion","kind"]},{"p":{"exempt":841,"limited":842,"type":"s"},"r":["type"]},{"p":{"lendablePercent":"n","nominalConcurrencyShares":"n"}},{"p":{"borrowingLimitPercent":"n","lendablePercent":"n","limitResponse":843,"nominalConcurrencyShares":"n"}},{"p":{"queuing":844,"type":"s"},"r":["type"]},{"p":{"handSize":"n","queueLengthLimit":"n","queues":"n"}},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1beta1"]},"kind":{"e":["FlowSchema"]},"metadata":1,"spec":832,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1beta1"]},"kind":{"e":["PriorityLevelConfiguration"]},"metadata":1,"spec":847,"status":"*"},"r":["apiVersion","kind"]},{"p":{"limited":848,"type":"s"},"r":["type"]},{"p":{"assuredConcurrencyShares":"n","limitResponse":843}},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1beta2"]},"kind":{"e":["FlowSchema"]},"metadata":1,"spec":832,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1beta2"]},"kind":{"e":["PriorityLevelConfiguration"]},"metadata":1,"spec":851,"status":"*"},"r":["apiVersion","kind"]},{"p":{"limited":852,"type":"s"},"r":["type"]},{"p":{"assuredConcurrencyShares":"n","borrowingLimitPercent":"n","lendablePercent":"n","limitResponse":843}},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1beta3"]},"kind":{"e":["FlowSchema"]},"metadata":1,"spec":832,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["flowcontrol.apiserver.k8s.io/v1beta3"]},"kind":{"e":["PriorityLevelConfiguration"]},"metadata":1,"spec":840,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["flows.knative.dev/v1"]},"kind":{"e":["Parallel"]},"metadata":1,"spec":856,"status":"*"},"r":["apiVersion","kind"]},{"p":{"branches":{"a":857},"channelTemplate":858,"reply":623},"r":["branches"]},{"p":{"delivery":622,"filter":623,"reply":623,"subscriber":623},"r":["subscriber"]},{"p":{"apiVersion":{"e":["messaging.knative.dev/v1"]},"kind":{"e":["ChannelTemplateSpec"]},"spec":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["flows.knative.dev/v1"]},"kind":{"e":["Sequence"]},"metadata":1,"spec":860,"status":"*"},"r":["apiVersion","kind"]},{"p":{"channelTemplate":858,"reply":623,"steps":{"a":861}},"r":["steps"]},{"p":{"delivery":622,"CACerts":"s","audience":"s","ref":621,"uri":"s"}},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["BackendTLSPolicy"]},"metadata":1,"spec":863,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"options":{"m":"s"},"targetRefs":{"a":864},"validation":865},"r":["targetRefs","validation"]},{"p":{"sectionName":"s","group":"s","kind":"s","name":"s"},"r":["group","kind","name"]},{"p":{"caCertificateRefs":{"a":866},"hostname":"s","subjectAltNames":{"a":867},"wellKnownCACertificates":"s"},"r":["hostname"]},{"p":{"group":"s","kind":"s","name":"s"},"r":["group","kind","name"]},{"p":{"hostname":"s","type":{"e":["Hostname","URI"]},"uri":"s"},"r":["type"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["Gateway"]},"metadata":1,"spec":869,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"addresses":{"a":870},"allowedListeners":871,"defaultScope":{"e":["All","None"]},"gatewayClassName":"s","infrastructure":873,"listeners":{"a":874},"tls":879},"r":["gatewayClassName","listeners"]},{"p":{"type":"s","value":"s"}},{"p":{"namespaces":872}},{"p":{"from":"s","selector":37}},{"p":{"annotations":{"m":"s"},"labels":{"m":"s"},"parametersRef":866}},{"p":{"allowedRoutes":875,"hostname":"s","name":"s","port":"n","protocol":"s","tls":877},"r":["name","port","protocol"]},{"p":{"kinds":{"a":876},"namespaces":872}},{"p":{"group":"s","kind":"s"},"r":["kind"]},{"p":{"certificateRefs":{"a":878},"mode":{"e":["Passthrough","Terminate"]},"options":{"m":"s"}}},{"p":{"group":"s","kind":"s","name":"s","namespace":"s"},"r":["name"]},{"p":{"backend":880,"frontend":881}},{"p":{"clientCertificateRef":878}},{"p":{"default":882,"perPort":{"a":885}},"r":["default"]},{"p":{"validation":883}},{"p":{"caCertificateRefs":{"a":884},"mode":{"e":["AllowInsecureFallback","AllowValidOnly"]}},"r":["caCertificateRefs"]},{"p":{"group":"s","kind":"s","name":"s","namespace":"s"},"r":["group","kind","name"]},{"p":{"port":"n","tls":882},"r":["port","tls"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["GatewayClass"]},"metadata":1,"spec":887,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"controllerName":"s","description":"s","parametersRef":884},"r":["controllerName"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["GRPCRoute"]},"metadata":1,"spec":889,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"hostnames":{"a":"s"},"rules":{"a":890},"parentRefs":{"a":24},"useDefaultGateways":{"e":["All","None"]}}},{"p":{"backendRefs":{"a":891},"filters":{"a":892},"matches":{"a":897},"name":"s","sessionPersistence":900}},{"p":{"filters":{"a":892},"weight":"n","group":"s","kind":"s","name":"s","namespace":"s","port":"n"},"r":["name"]},{"p":{"extensionRef":866,"requestHeaderModifier":893,"requestMirror":894,"responseHeaderModifier":893,"type":"s"},"r":["type"]},{"p":{"add":{"a":44},"remove":{"a":"s"},"set":{"a":44}}},{"p":{"backendRef":895,"fraction":896,"percent":"n"},"r":["backendRef"]},{"p":{"group":"s","kind":"s","name":"s","namespace":"s","port":"n"},"r":["name"]},{"p":{"denominator":"n","numerator":"n"},"r":["numerator"]},{"p":{"headers":{"a":898},"method":899}},{"p":{"name":"s","type":{"e":["Exact","RegularExpression"]},"value":"s"},"r":["name","value"]},{"p":{"method":"s","service":"s","type":{"e":["Exact","RegularExpression"]}}},{"p":{"absoluteTimeout":"s","cookieConfig":901,"idleTimeout":"s","sessionName":"s","type":{"e":["Cookie","Header"]}}},{"p":{"lifetimeType":{"e":["Permanent","Session"]}}},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["HTTPRoute"]},"metadata":1,"spec":903,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"hostnames":{"a":"s"},"rules":{"a":904},"parentRefs":{"a":24},"useDefaultGateways":{"e":["All","None"]}}},{"p":{"backendRefs":{"a":905},"filters":{"a":906},"matches":{"a":915},"name":"s","retry":917,"sessionPersistence":900,"timeouts":918}},{"p":{"filters":{"a":906},"weight":"n","group":"s","kind":"s","name":"s","namespace":"s","port":"n"},"r":["name"]},{"p":{"cors":907,"extensionRef":866,"externalAuth":908,"requestHeaderModifier":893,"requestMirror":894,"requestRedirect":912,"responseHeaderModifier":893,"type":"s","urlRewrite":914},"r":["type"]},{"p":{"allowCredentials":"b","allowHeaders":{"a":"s"},"allowMethods":{"a":{"e":["*","CONNECT","DELETE","GET","HEAD","OPTIONS","PATCH","POST","PUT","TRACE"]}},"allowOrigins":{"a":"s"},"exposeHeaders":{"a":"s"},"maxAge":"n"}},{"p":{"backendRef":895,"forwardBody":909,"grpc":910,"http":911,"protocol":"s"},"r":["backendRef","protocol"]},{"p":{"maxSize":"n"}},{"p":{"allowedHeaders":{"a":"s"}}},{"p":{"allowedHeaders":{"a":"s"},"allowedResponseHeaders":{"a":"s"},"path":"s"}},{"p":{"hostname":"s","path":913,"port":"n","scheme":{"e":["http","https"]},"statusCode":"*"}},{"p":{"replaceFullPath":"s","replacePrefixMatch":"s","type":"s"},"r":["type"]},{"p":{"hostname":"s","path":913}},{"p":{"headers":{"a":898},"method":{"e":["CONNECT","DELETE","GET","HEAD","OPTIONS","PATCH","POST","PUT","TRACE"]},"path":916,"queryParams":{"a":898}}},{"p":{"type":{"e":["Exact","PathPrefix","RegularExpression"]},"value":"s"}},{"p":{"attempts":"n","backoff":"s","codes":{"a":"n"}}},{"p":{"backendRequest":"s","request":"s"}},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["ListenerSet"]},"metadata":1,"spec":920,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"listeners":{"a":874},"parentRef":878},"r":["listeners","parentRef"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["ReferenceGrant"]},"metadata":1,"spec":922},"r":["apiVersion","kind"]},{"p":{"from":{"a":923},"to":{"a":352}},"r":["from","to"]},{"p":{"group":"s","kind":"s","namespace":"s"},"r":["group","kind","namespace"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1"]},"kind":{"e":["TLSRoute"]},"metadata":1,"spec":925,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"hostnames":{"a":"s"},"rules":{"a":926},"parentRefs":{"a":24},"useDefaultGateways":{"e":["All","None"]}},"r":["hostnames","rules"]},{"p":{"backendRefs":{"a":927},"name":"s"},"r":["backendRefs"]},{"p":{"weight":"n","group":"s","kind":"s","name":"s","namespace":"s","port":"n"},"r":["name"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1alpha2"]},"kind":{"e":["GRPCRoute"]},"metadata":1,"spec":889,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1alpha2"]},"kind":{"e":["ReferenceGrant"]},"metadata":1,"spec":922},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1alpha2"]},"kind":{"e":["TCPRoute"]},"metadata":1,"spec":931,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"rules":{"a":926},"parentRefs":{"a":24},"useDefaultGateways":{"e":["All","None"]}},"r":["rules"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1alpha2"]},"kind":{"e":["TLSRoute"]},"metadata":1,"spec":933,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"hostnames":{"a":"s"},"rules":{"a":926},"parentRefs":{"a":24},"useDefaultGateways":{"e":["All","None"]}},"r":["rules"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1alpha2"]},"kind":{"e":["UDPRoute"]},"metadata":1,"spec":931,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1alpha3"]},"kind":{"e":["BackendTLSPolicy"]},"metadata":1,"spec":863,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1alpha3"]},"kind":{"e":["TLSRoute"]},"metadata":1,"spec":925,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1beta1"]},"kind":{"e":["Gateway"]},"metadata":1,"spec":869,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1beta1"]},"kind":{"e":["GatewayClass"]},"metadata":1,"spec":887,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1beta1"]},"kind":{"e":["HTTPRoute"]},"metadata":1,"spec":903,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["gateway.networking.k8s.io/v1beta1"]},"kind":{"e":["ReferenceGrant"]},"metadata":1,"spec":922},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["gateway.networking.x-k8s.io/v1alpha1"]},"kind":{"e":["XBackendTrafficPolicy"]},"metadata":1,"spec":942,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"retryConstraint":943,"sessionPersistence":900,"targetRefs":{"a":866}},"r":["targetRefs"]},{"p":{"budget":944,"minRetryRate":945}},{"p":{"interval":"s","percent":"n"}},{"p":{"count":"n","interval":"s"}},{"p":{"apiVersion":{"e":["gateway.networking.x-k8s.io/v1alpha1"]},"kind":{"e":["XMesh"]},"metadata":1,"spec":887,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["ACRAccessToken"]},"metadata":1,"spec":948},"r":["apiVersion","kind"]},{"p":{"auth":949,"environmentType":{"e":["ChinaCloud","GermanCloud","PublicCloud","USGovernmentCloud"]},"registry":"s","scope":"s","tenantId":"s"},"r":["auth","registry"]},{"p":{"managedIdentity":950,"servicePrincipal":951,"workloadIdentity":722}},{"p":{"identityId":"s"}},{"p":{"secretRef":952},"r":["secretRef"]},{"p":{"clientId":712,"clientSecret":712}},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["ClusterGenerator"]},"metadata":1,"spec":954},"r":["apiVersion","kind"]},{"p":{"generator":955,"kind":{"e":["ACRAccessToken","ECRAuthorizationToken","Fake","GCRAccessToken","GithubAccessToken","Grafana","Password","QuayAccessToken","STSSessionToken","UUID","VaultDynamicSecret","Webhook"]}},"r":["generator","kind"]},{"p":{"acrAccessTokenSpec":948,"ecrAuthorizationTokenSpec":956,"fakeSpec":957,"gcrAccessTokenSpec":958,"githubAccessTokenSpec":961,"grafanaSpec":964,"passwordSpec":969,"quayAccessTokenSpec":970,"stsSessionTokenSpec":971,"uuidSpec":"*","vaultDynamicSecretSpec":973,"webhookSpec":974}},{"p":{"auth":721,"region":"s","role":"s","scope":"s"},"r":["region"]},{"p":{"controller":"s","data":{"m":"s"}}},{"p":{"auth":959,"projectID":"s"},"r":["auth","projectID"]},{"p":{"secretRef":756,"workloadIdentity":960}},{"p":{"clusterLocation":"s","clusterName":"s","clusterProjectID":"s","serviceAccountRef":713},"r":["clusterLocation","clusterName","serviceAccountRef"]},{"p":{"appID":"s","auth":962,"installID":"s","permissions":{"m":"s"},"repositories":{"a":"s"},"url":"s"},"r":["appID","auth","installID"]},{"p":{"privateKey":963},"r":["privateKey"]},{"p":{"secretRef":712},"r":["secretRef"]},{"p":{"auth":965,"serviceAccount":968,"url":"s"},"r":["auth","serviceAccount","url"]},{"p":{"basic":966,"token":967}},{"p":{"password":967,"username":"s"},"r":["password","username"]},{"p":{"key":"s","name":"s"}},{"p":{"name":"s","role":"s"},"r":["name","role"]},{"p":{"allowRepeat":"b","digits":"n","length":"n","noUpper":"b","symbolCharacters":"s","symbols":"n"},"r":["allowRepeat","length","noUpper"]},{"p":{"robotAccount":"s","serviceAccountRef":713,"url":"s"},"r":["robotAccount","serviceAccountRef"]},{"p":{"auth":721,"region":"s","requestParameters":972,"role":"s"},"r":["region"]},{"p":{"serialNumber":"s","sessionDuration":"n","tokenCode":"s"}},{"p":{"allowEmptyResponse":"b","controller":"s","method":"s","parameters":"*","path":"s","provider":796,"resultType":{"e":["Auth","Data","Raw"]},"retrySettings":814},"r":["path","provider"]},{"p":{"auth":807,"body":"s","caBundle":"s","caProvider":715,"headers":{"m":"s"},"method":"s","result":809,"secrets":{"a":975},"timeout":"s","url":"s"},"r":["result","url"]},{"p":{"name":"s","secretRef":967},"r":["name","secretRef"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["ECRAuthorizationToken"]},"metadata":1,"spec":956},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["Fake"]},"metadata":1,"spec":957},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["GCRAccessToken"]},"metadata":1,"spec":958},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["GeneratorState"]},"metadata":1,"spec":980,"status":"*"},"r":["apiVersion","kind"]},{"p":{"garbageCollectionDeadline":"s","resource":"*","state":"*"},"r":["resource","state"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["GithubAccessToken"]},"metadata":1,"spec":961},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["Grafana"]},"metadata":1,"spec":964},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["Password"]},"metadata":1,"spec":969},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["QuayAccessToken"]},"metadata":1,"spec":970},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["STSSessionToken"]},"metadata":1,"spec":971},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["UUID"]},"metadata":1,"spec":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["VaultDynamicSecret"]},"metadata":1,"spec":973},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["generators.external-secrets.io/v1alpha1"]},"kind":{"e":["Webhook"]},"metadata":1,"spec":974},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["helm.toolkit.fluxcd.io/v2"]},"kind":{"e":["HelmRelease"]},"metadata":1,"spec":990,"status":"*"},"r":["apiVersion","kind"]},{"p":{"chart":991,"chartRef":995,"commonMetadata":26,"dependsOn":{"a":996},"driftDetection":997,"healthCheckExprs":{"a":1000},"install":1001,"interval":"s","kubeConfig":1004,"maxHistory":"n","persistentClient":"b","postRenderers":{"a":1005},"releaseName":"s","rollback":1009,"serviceAccountName":"s","storageNamespace":"s","suspend":"b","targetNamespace":"s","test":1010,"timeout":"s","uninstall":1012,"upgrade":1013,"values":"*","valuesFrom":{"a":1015},"waitStrategy":142},"r":["interval"]},{"p":{"metadata":26,"spec":992},"r":["spec"]},{"p":{"chart":"s","ignoreMissingValuesFiles":"b","interval":"s","reconcileStrategy":{"e":["ChartVersion","Revision"]},"sourceRef":993,"valuesFiles":{"a":"s"},"verify":994,"version":"s"},"r":["chart","sourceRef"]},{"p":{"apiVersion":"s","kind":{"e":["Bucket","GitRepository","HelmRepository"]},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"provider":{"e":["cosign","notation"]},"secretRef":142},"r":["provider"]},{"p":{"apiVersion":"s","kind":{"e":["ExternalArtifact","HelmChart","OCIRepository"]},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"name":"s","namespace":"s","readyExpr":"s"},"r":["name"]},{"p":{"ignore":{"a":998},"mode":"s"}},{"p":{"paths":{"a":"s"},"target":999},"r":["paths"]},{"p":{"annotationSelector":"s","group":"s","kind":"s","labelSelector":"s","name":"s","namespace":"s","version":"s"}},{"p":{"apiVersion":"s","kind":"s","current":"s","failed":"s","inProgress":"s"},"r":["apiVersion","kind","current"]},{"p":{"crds":"s","createNamespace":"b","disableHooks":"b","disableOpenAPIValidation":"b","disableSchemaValidation":"b","disableTakeOwnership":"b","disableWait":"b","disableWaitForJobs":"b","remediation":1002,"replace":"b","serverSideApply":"b","skipCRDs":"b","strategy":1003,"timeout":"s"}},{"p":{"ignoreTestFailures":"b","remediateLastFailure":"b","retries":"n"}},{"p":{"name":{"e":["RemediateOnFailure","RetryOnFailure"]},"retryInterval":"s"},"r":["name"]},{"p":{"configMapRef":142,"secretRef":9}},{"p":{"kustomize":1006}},{"p":{"images":{"a":1007},"patches":{"a":1008}}},{"p":{"digest":"s","name":"s","newName":"s","newTag":"s"},"r":["name"]},{"p":{"patch":"s","target":999},"r":["patch"]},{"p":{"cleanupOnFail":"b","disableHooks":"b","disableWait":"b","disableWaitForJobs":"b","force":"b","recreate":"b","serverSideApply":"s","timeout":"s"}},{"p":{"enable":"b","filters":{"a":1011},"ignoreFailures":"b","timeout":"s"}},{"p":{"exclude":"b","name":"s"},"r":["name"]},{"p":{"deletionPropagation":{"e":["background","foreground","orphan"]},"disableHooks":"b","disableWait":"b","keepHistory":"b","timeout":"s"}},{"p":{"cleanupOnFail":"b","crds":"s","disableHooks":"b","disableOpenAPIValidation":"b","disableSchemaValidation":"b","disableTakeOwnership":"b","disableWait":"b","disableWaitForJobs":"b","force":"b","preserveValues":"b","remediation":1014,"serverSideApply":"s","strategy":1003,"timeout":"s"}},{"p":{"ignoreTestFailures":"b","remediateLastFailure":"b","retries":"n","strategy":"s"}},{"p":{"kind":{"e":["ConfigMap","Secret"]},"name":"s","optional":"b","targetPath":"s","valuesKey":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["helm.toolkit.fluxcd.io/v2beta1"]},"kind":{"e":["HelmRelease"]},"metadata":1,"spec":1017,"status":"*"},"r":["apiVersion","kind"]},{"p":{"chart":1018,"chartRef":995,"dependsOn":{"a":1021},"driftDetection":997,"install":1022,"interval":"s","kubeConfig":1004,"maxHistory":"n","persistentClient":"b","postRenderers":{"a":1023},"releaseName":"s","rollback":1027,"serviceAccountName":"s","storageNamespace":"s","suspend":"b","targetNamespace":"s","test":1028,"timeout":"s","uninstall":1012,"upgrade":1029,"values":"*","valuesFrom":{"a":1015}},"r":["chart","interval"]},{"p":{"metadata":26,"spec":1019},"r":["spec"]},{"p":{"chart":"s","interval":"s","reconcileStrategy":{"e":["ChartVersion","Revision"]},"sourceRef":993,"valuesFile":"s","valuesFiles":{"a":"s"},"verify":1020,"version":"s"},"r":["chart","sourceRef"]},{"p":{"provider":{"e":["cosign"]},"secretRef":142},"r":["provider"]},{"p":{"name":"s","namespace":"s"},"r":["name"]},{"p":{"crds":"s","createNamespace":"b","disableHooks":"b","disableOpenAPIValidation":"b","disableWait":"b","disableWaitForJobs":"b","remediation":1002,"replace":"b","skipCRDs":"b","timeout":"s"}},{"p":{"kustomize":1024}},{"p":{"images":{"a":1007},"patches":{"a":1008},"patchesJson6902":{"a":1025},"patchesStrategicMerge":{"a":"*"}}},{"p":{"patch":{"a":1026},"target":999},"r":["patch","target"]},{"p":{"from":"s","op":{"e":["add","copy","move","remove","replace","test"]},"path":"s","value":"*"},"r":["op","path"]},{"p":{"cleanupOnFail":"b","disableHooks":"b","disableWait":"b","disableWaitForJobs":"b","force":"b","recreate":"b","timeout":"s"}},{"p":{"enable":"b","ignoreFailures":"b","timeout":"s"}},{"p":{"cleanupOnFail":"b","crds":"s","disableHooks":"b","disableOpenAPIValidation":"b","disableWait":"b","disableWaitForJobs":"b","force":"b","preserveValues":"b","remediation":1014,"timeout":"s"}},{"p":{"apiVersion":{"e":["helm.toolkit.fluxcd.io/v2beta2"]},"kind":{"e":["HelmRelease"]},"metadata":1,"spec":1031,"status":"*"},"r":["apiVersion","kind"]},{"p":{"chart":1032,"chartRef":1034,"dependsOn":{"a":1021},"driftDetection":997,"install":1022,"interval":"s","kubeConfig":1004,"maxHistory":"n","persistentClient":"b","postRenderers":{"a":1023},"releaseName":"s","rollback":1027,"serviceAccountName":"s","storageNamespace":"s","suspend":"b","targetNamespace":"s","test":1010,"timeout":"s","uninstall":1012,"upgrade":1029,"values":"*","valuesFrom":{"a":1015}},"r":["interval"]},{"p":{"metadata":26,"spec":1033},"r":["spec"]},{"p":{"chart":"s","ignoreMissingValuesFiles":"b","interval":"s","reconcileStrategy":{"e":["ChartVersion","Revision"]},"sourceRef":993,"valuesFile":"s","valuesFiles":{"a":"s"},"verify":994,"version":"s"},"r":["chart","sourceRef"]},{"p":{"apiVersion":"s","kind":{"e":["HelmChart","OCIRepository"]},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1"]},"kind":{"e":["ImagePolicy"]},"metadata":1,"spec":1036,"status":"*"},"r":["apiVersion","kind"]},{"p":{"digestReflectionPolicy":{"e":["Always","IfNotPresent","Never"]},"filterTags":1037,"imageRepositoryRef":1021,"interval":"s","policy":1038,"suspend":"b"},"r":["imageRepositoryRef","policy"]},{"p":{"extract":"s","pattern":"s"}},{"p":{"alphabetical":1039,"numerical":1039,"semver":1040}},{"p":{"order":{"e":["asc","desc"]}}},{"p":{"range":"s"},"r":["range"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1"]},"kind":{"e":["ImageRepository"]},"metadata":1,"spec":1042,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"certSecretRef":142,"exclusionList":{"a":"s"},"image":"s","insecure":"b","interval":"s","provider":{"e":["aws","azure","gcp","generic"]},"proxySecretRef":142,"secretRef":142,"serviceAccountName":"s","suspend":"b","timeout":"s"},"r":["image","interval"]},{"p":{"namespaceSelectors":{"a":653}},"r":["namespaceSelectors"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1"]},"kind":{"e":["ImageUpdateAutomation"]},"metadata":1,"spec":1045,"status":"*"},"r":["apiVersion","kind"]},{"p":{"git":1046,"interval":"s","policySelector":37,"sourceRef":1053,"suspend":"b","update":1054},"r":["interval","sourceRef"]},{"p":{"checkout":1047,"commit":1049,"push":1052},"r":["commit"]},{"p":{"ref":1048},"r":["ref"]},{"p":{"branch":"s","commit":"s","name":"s","semver":"s","tag":"s"}},{"p":{"author":1050,"messageTemplate":"s","messageTemplateValues":{"m":"s"},"signingKey":1051},"r":["author"]},{"p":{"email":"s","name":"s"},"r":["email"]},{"p":{"secretRef":142},"r":["secretRef"]},{"p":{"branch":"s","options":{"m":"s"},"refspec":"s"}},{"p":{"apiVersion":"s","kind":{"e":["GitRepository"]},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"path":"s","strategy":{"e":["Setters"]}}},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["ImagePolicy"]},"metadata":1,"spec":1056,"status":"*"},"r":["apiVersion","kind"]},{"p":{"filterTags":1037,"imageRepositoryRef":1021,"policy":1038},"r":["imageRepositoryRef","policy"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["ImageRepository"]},"metadata":1,"spec":1058,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"certSecretRef":142,"exclusionList":{"a":"s"},"image":"s","interval":"s","secretRef":142,"serviceAccountName":"s","suspend":"b","timeout":"s"},"r":["image","interval"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["ImageUpdateAutomation"]},"metadata":1,"spec":1060,"status":"*"},"r":["apiVersion","kind"]},{"p":{"git":1061,"interval":"s","sourceRef":1053,"suspend":"b","update":1063},"r":["interval","sourceRef"]},{"p":{"checkout":1047,"commit":1062,"push":1052},"r":["commit"]},{"p":{"author":1050,"messageTemplate":"s","signingKey":1051},"r":["author"]},{"p":{"path":"s","strategy":{"e":["Setters"]}},"r":["strategy"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["ImagePolicy"]},"metadata":1,"spec":1036,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["ImageRepository"]},"metadata":1,"spec":1042,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["image.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["ImageUpdateAutomation"]},"metadata":1,"spec":1045,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["install.istio.io/v1alpha1"]},"kind":{"e":["IstioOperator"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["karpenter.k8s.aws/v1"]},"kind":{"e":["EC2NodeClass"]},"metadata":1,"spec":1069,"status":"*"},"r":["apiVersion","kind"]},{"p":{"amiFamily":{"e":["AL2","AL2023","Bottlerocket","Custom","Windows2019","Windows2022","Windows2025"]},"amiSelectorTerms":{"a":1070},"associatePublicIPAddress":"b","blockDeviceMappings":{"a":1071},"capacityReservationSelectorTerms":{"a":1073},"context":"s","detailedMonitoring":"b","instanceProfile":"s","instanceStorePolicy":{"e":["RAID0"]},"ipPrefixCount":"n","kubelet":1074,"metadataOptions":1075,"networkInterfaces":{"a":1076},"placementGroupSelector":1077,"role":"s","securityGroupSelectorTerms":{"a":1078},"subnetSelectorTerms":{"a":1079},"tags":{"m":"s"},"userData":"s"},"r":["amiSelectorTerms","securityGroupSelectorTerms","subnetSelectorTerms"]},{"p":{"alias":"s","id":"s","name":"s","owner":"s","ssmParameter":"s","tags":{"m":"s"}}},{"p":{"deviceName":"s","ebs":1072,"rootVolume":"b"}},{"p":{"deleteOnTermination":"b","encrypted":"b","iops":"n","kmsKeyID":"s","snapshotID":"s","throughput":"n","volumeInitializationRate":"n","volumeSize":"s","volumeType":{"e":["gp2","gp3","io1","io2","sc1","st1","standard"]}}},{"p":{"id":"s","instanceMatchCriteria":{"e":["open","targeted"]},"ownerID":"s","tags":{"m":"s"}}},{"p":{"clusterDNS":{"a":"s"},"cpuCFSQuota":"b","evictionHard":{"m":"s"},"evictionMaxPodGracePeriod":"n","evictionSoft":{"m":"s"},"evictionSoftGracePeriod":{"m":"s"},"imageGCHighThresholdPercent":"n","imageGCLowThresholdPercent":"n","kubeReserved":{"m":"s"},"maxPods":"n","podsPerCore":"n","systemReserved":{"m":"s"}}},{"p":{"httpEndpoint":{"e":["disabled","enabled"]},"httpProtocolIPv6":{"e":["disabled","enabled"]},"httpPutResponseHopLimit":"n","httpTokens":{"e":["optional","required"]}}},{"p":{"deviceIndex":"n","interfaceType":"s","networkCardIndex":"n"},"r":["deviceIndex","interfaceType","networkCardIndex"]},{"p":{"id":"s","name":"s"}},{"p":{"id":"s","name":"s","tags":{"m":"s"}}},{"p":{"id":"s","tags":{"m":"s"}}},{"p":{"apiVersion":{"e":["karpenter.sh/v1"]},"kind":{"e":["NodeClaim"]},"metadata":1,"spec":1081,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"expireAfter":"s","nodeClassRef":866,"requirements":{"a":1082},"resources":1083,"startupTaints":{"a":1084},"taints":{"a":1084},"terminationGracePeriod":"s"},"r":["nodeClassRef","requirements"]},{"p":{"key":"s","minValues":"n","operator":{"e":["DoesNotExist","Exists","Gt","In","Lt","NotIn"]},"values":{"a":"s"}},"r":["key","operator"]},{"p":{"requests":{"m":"x"}}},{"p":{"effect":{"e":["NoExecute","NoSchedule","PreferNoSchedule"]},"key":"s","timeAdded":"s","value":"s"},"r":["effect","key"]},{"p":{"apiVersion":{"e":["karpenter.sh/v1"]},"kind":{"e":["NodePool"]},"metadata":1,"spec":1086,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"disruption":1087,"limits":{"m":"x"},"replicas":"n","template":1089,"weight":"n"},"r":["template"]},{"p":{"budgets":{"a":1088},"consolidateAfter":"s","consolidationPolicy":"s"},"r":["consolidateAfter"]},{"p":{"duration":"s","nodes":"s","reasons":{"a":{"e":["Drifted","Empty","Underutilized"]}},"schedule":"s"},"r":["nodes"]},{"p":{"metadata":26,"spec":1090},"r":["spec"]},{"p":{"expireAfter":"s","nodeClassRef":866,"requirements":{"a":1082},"startupTaints":{"a":1084},"taints":{"a":1084},"terminationGracePeriod":"s"},"r":["nodeClassRef","requirements"]},{"p":{"apiVersion":{"e":["karpenter.sh/v1alpha1"]},"kind":{"e":["NodeOverlay"]},"metadata":1,"spec":1092,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"capacity":{"m":"x"},"price":"s","priceAdjustment":"s","requirements":{"a":32},"weight":"n"},"r":["requirements"]},{"p":{"apiVersion":{"e":["keda.sh/v1alpha1"]},"kind":{"e":["ClusterTriggerAuthentication"]},"metadata":1,"spec":1094,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"awsSecretManager":1095,"azureKeyVault":1101,"boundServiceAccountToken":{"a":1105},"configMapTargetRef":{"a":1106},"env":{"a":1107},"filePath":"s","gcpSecretManager":1108,"hashiCorpVault":1111,"podIdentity":1099,"secretTargetRef":{"a":1106}}},{"p":{"credentials":1096,"podIdentity":1099,"region":"s","secrets":{"a":1100}},"r":["secrets"]},{"p":{"accessKey":1097,"accessSecretKey":1097,"accessToken":1097},"r":["accessKey","accessSecretKey"]},{"p":{"valueFrom":1098},"r":["valueFrom"]},{"p":{"secretKeyRef":237},"r":["secretKeyRef"]},{"p":{"identityAuthorityHost":"s","identityId":"s","identityOwner":{"e":["keda","workload"]},"identityTenantId":"s","provider":"s","roleArn":"s"},"r":["provider"]},{"p":{"name":"s","parameter":"s","secretKey":"s","versionId":"s","versionStage":"s"},"r":["name","parameter"]},{"p":{"cloud":1102,"credentials":1103,"podIdentity":1099,"secrets":{"a":1104},"vaultUri":"s"},"r":["secrets","vaultUri"]},{"p":{"activeDirectoryEndpoint":"s","keyVaultResourceURL":"s","type":"s"},"r":["type"]},{"p":{"clientId":"s","clientSecret":1097,"tenantId":"s"},"r":["clientId","clientSecret","tenantId"]},{"p":{"name":"s","parameter":"s","version":"s"},"r":["name","parameter"]},{"p":{"parameter":"s","serviceAccountName":"s"},"r":["parameter","serviceAccountName"]},{"p":{"key":"s","name":"s","parameter":"s"},"r":["key","name","parameter"]},{"p":{"containerName":"s","name":"s","parameter":"s"},"r":["name","parameter"]},{"p":{"credentials":1109,"podIdentity":1099,"secrets":{"a":1110}},"r":["secrets"]},{"p":{"clientSecret":1097},"r":["clientSecret"]},{"p":{"id":"s","parameter":"s","version":"s"},"r":["id","parameter"]},{"p":{"address":"s","authentication":"s","credential":1112,"mount":"s","namespace":"s","role":"s","secrets":{"a":1113}},"r":["address","authentication","secrets"]},{"p":{"serviceAccount":"s","serviceAccountName":"s","token":"s"}},{"p":{"key":"s","parameter":"s","path":"s","pkiData":1114,"type":"s"},"r":["key","parameter","path"]},{"p":{"altNames":"s","commonName":"s","format":"s","ipSans":"s","otherSans":"s","ttl":"s","uriSans":"s"}},{"p":{"apiVersion":{"e":["keda.sh/v1alpha1"]},"kind":{"e":["ScaledJob"]},"metadata":1,"spec":1116,"status":"*"},"r":["apiVersion","kind"]},{"p":{"envSourceContainerName":"s","failedJobsHistoryLimit":"n","jobTargetRef":251,"maxReplicaCount":"n","minReplicaCount":"n","pollingInterval":"n","rollout":1117,"rolloutStrategy":"s","scalingStrategy":1118,"successfulJobsHistoryLimit":"n","triggers":{"a":1119}},"r":["jobTargetRef","triggers"]},{"p":{"propagationPolicy":"s","strategy":"s"}},{"p":{"customScalingQueueLengthDeduction":"n","customScalingRunningJobPercentage":"s","multipleScalersCalculation":"s","pendingPodConditions":{"a":"s"},"strategy":"s"}},{"p":{"authenticationRef":613,"metadata":{"m":"s"},"metricType":"s","name":"s","type":"s","useCachedMetrics":"b"},"r":["metadata","type"]},{"p":{"apiVersion":{"e":["keda.sh/v1alpha1"]},"kind":{"e":["ScaledObject"]},"metadata":1,"spec":1121,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"advanced":1122,"cooldownPeriod":"n","fallback":1125,"idleReplicaCount":"n","initialCooldownPeriod":"n","maxReplicaCount":"n","minReplicaCount":"n","pollingInterval":"n","scaleTargetRef":1126,"triggers":{"a":1119}},"r":["scaleTargetRef","triggers"]},{"p":{"horizontalPodAutoscalerConfig":1123,"restoreToOriginalReplicaCount":"b","scalingModifiers":1124}},{"p":{"behavior":530,"name":"s"}},{"p":{"activationTarget":"s","formula":"s","metricType":"s","target":"s"}},{"p":{"behavior":{"e":["currentReplicas","currentReplicasIfHigher","currentReplicasIfLower","static"]},"failureThreshold":"n","replicas":"n"},"r":["failureThreshold","replicas"]},{"p":{"apiVersion":"s","envSourceContainerName":"s","kind":"s","name":"s"},"r":["name"]},{"p":{"apiVersion":{"e":["keda.sh/v1alpha1"]},"kind":{"e":["TriggerAuthentication"]},"metadata":1,"spec":1094,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["keda.sh/v1alpha1"]},"internalKind":"s","kind":{"e":["WithTriggers"]},"metadata":1,"spec":1129},"r":["apiVersion","internalKind","kind","spec"]},{"p":{"pollingInterval":"n","triggers":{"a":1119}},"r":["triggers"]},{"p":{"apiVersion":{"e":["kustomize.toolkit.fluxcd.io/v1"]},"kind":{"e":["Kustomization"]},"metadata":1,"spec":1131,"status":"*"},"r":["apiVersion","kind"]},{"p":{"commonMetadata":26,"components":{"a":"s"},"decryption":1132,"deletionPolicy":{"e":["Delete","MirrorPrune","Orphan","WaitForTermination"]},"dependsOn":{"a":996},"force":"b","healthCheckExprs":{"a":1000},"healthChecks":{"a":631},"ignoreMissingComponents":"b","images":{"a":1007},"interval":"s","kubeConfig":1004,"namePrefix":"s","nameSuffix":"s","patches":{"a":1008},"path":"s","postBuild":1133,"prune":"b","retryInterval":"s","serviceAccountName":"s","sourceRef":1135,"suspend":"b","targetNamespace":"s","timeout":"s","wait":"b"},"r":["interval","prune","sourceRef"]},{"p":{"provider":{"e":["sops"]},"secretRef":142,"serviceAccountName":"s"},"r":["provider"]},{"p":{"substitute":{"m":"s"},"substituteFrom":{"a":1134}}},{"p":{"kind":{"e":["ConfigMap","Secret"]},"name":"s","optional":"b"},"r":["kind","name"]},{"p":{"apiVersion":"s","kind":{"e":["Bucket","ExternalArtifact","GitRepository","OCIRepository"]},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["kustomize.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["Kustomization"]},"metadata":1,"spec":1137,"status":"*"},"r":["apiVersion","kind"]},{"p":{"decryption":1138,"dependsOn":{"a":1021},"force":"b","healthChecks":{"a":631},"images":{"a":1007},"interval":"s","kubeConfig":1051,"patches":{"a":1008},"patchesJson6902":{"a":1025},"patchesStrategicMerge":{"a":"*"},"path":"s","postBuild":1139,"prune":"b","retryInterval":"s","serviceAccountName":"s","sourceRef":1141,"suspend":"b","targetNamespace":"s","timeout":"s","validation":{"e":["client","none","server"]}},"r":["interval","prune","sourceRef"]},{"p":{"provider":{"e":["sops"]},"secretRef":142},"r":["provider"]},{"p":{"substitute":{"m":"s"},"substituteFrom":{"a":1140}}},{"p":{"kind":{"e":["ConfigMap","Secret"]},"name":"s"},"r":["kind","name"]},{"p":{"apiVersion":"s","kind":{"e":["Bucket","GitRepository"]},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["kustomize.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["Kustomization"]},"metadata":1,"spec":1143,"status":"*"},"r":["apiVersion","kind"]},{"p":{"commonMetadata":26,"components":{"a":"s"},"decryption":1138,"dependsOn":{"a":1021},"force":"b","healthChecks":{"a":631},"images":{"a":1007},"interval":"s","kubeConfig":1004,"patches":{"a":1008},"patchesJson6902":{"a":1025},"patchesStrategicMerge":{"a":"*"},"path":"s","postBuild":1133,"prune":"b","retryInterval":"s","serviceAccountName":"s","sourceRef":1144,"suspend":"b","targetNamespace":"s","timeout":"s","validation":{"e":["client","none","server"]},"wait":"b"},"r":["interval","prune","sourceRef"]},{"p":{"apiVersion":"s","kind":{"e":["Bucket","GitRepository","OCIRepository"]},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["messaging.knative.dev/v1"]},"kind":{"e":["Channel"]},"metadata":1,"spec":1146,"status":"*"},"r":["apiVersion","kind"]},{"p":{"channelTemplate":858,"delivery":622,"subscribers":{"a":1147}}},{"p":{"auth":1148,"delivery":622,"generation":"n","name":"s","replyAudience":"s","replyCACerts":"s","replyUri":"s","subscriberAudience":"s","subscriberCACerts":"s","subscriberUri":"s","uid":"s"}},{"p":{"serviceAccountName":"s","serviceAccountNames":{"a":"s"}}},{"p":{"apiVersion":{"e":["messaging.knative.dev/v1"]},"kind":{"e":["InMemoryChannel"]},"metadata":1,"spec":1150,"status":"*"},"r":["apiVersion","kind"]},{"p":{"delivery":622,"subscribers":{"a":1147}}},{"p":{"apiVersion":{"e":["messaging.knative.dev/v1"]},"kind":{"e":["Subscription"]},"metadata":1,"spec":1152,"status":"*"},"r":["apiVersion","kind","metadata","spec"]},{"p":{"channel":621,"delivery":622,"reply":623,"subscriber":623},"r":["channel"]},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["Alertmanager"]},"metadata":1,"spec":1154,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"additionalArgs":{"a":1155},"additionalPeers":{"a":"s"},"affinity":28,"alertmanagerConfigMatcherStrategy":1156,"alertmanagerConfigNamespaceSelector":37,"alertmanagerConfigSelector":37,"alertmanagerConfiguration":1157,"automountServiceAccountToken":"b","baseImage":"s","clusterAdvertiseAddress":"s","clusterGossipInterval":"s","clusterLabel":"s","clusterPeerTimeout":"s","clusterPushpullInterval":"s","clusterTLS":1172,"configMaps":{"a":"s"},"configSecret":"s","containers":{"a":110},"dnsConfig":1174,"dnsPolicy":{"e":["ClusterFirst","ClusterFirstWithHostNet","Default","None"]},"enableFeatures":{"a":"s"},"enableServiceLinks":"b","externalUrl":"s","forceEnableClusterMode":"b","hostAliases":{"a":1175},"hostNetwork":"b","hostUsers":"b","image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"imagePullSecrets":{"a":39},"initContainers":{"a":110},"limits":1176,"listenLocal":"b","logFormat":{"e":["","json","logfmt"]},"logLevel":{"e":["","debug","error","info","warn"]},"minReadySeconds":"n","nodeSelector":{"m":"s"},"paused":"b","persistentVolumeClaimRetentionPolicy":201,"podManagementPolicy":{"e":["OrderedReady","Parallel"]},"podMetadata":1177,"portName":"s","priorityClassName":"s","replicas":"n","resources":129,"retention":"s","routePrefix":"s","schedulerName":"s","secrets":{"a":"s"},"securityContext":146,"serviceAccountName":"s","serviceName":"s","sha":"s","storage":1178,"tag":"s","terminationGracePeriodSeconds":"n","tolerations":{"a":45},"topologySpreadConstraints":{"a":147},"updateStrategy":1180,"version":"s","volumeMounts":{"a":137},"volumes":{"a":148},"web":1181}},{"p":{"name":"s","value":"s"},"r":["name"]},{"p":{"type":"s"}},{"p":{"global":1158,"name":"s","templates":{"a":1161}}},{"p":{"httpConfig":1159,"jira":1165,"mattermost":1166,"opsGenieApiKey":113,"opsGenieApiUrl":113,"pagerdutyUrl":"s","resolveTimeout":"s","rocketChat":1167,"slackApiUrl":113,"smtp":1168,"telegram":1165,"victorops":1170,"webex":1165,"wechat":1171}},{"p":{"tlsConfig":1160,"authorization":1162,"basicAuth":1163,"bearerTokenSecret":113,"enableHttp2":"b","followRedirects":"b","oauth2":1164,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"ca":1161,"cert":1161,"insecureSkipVerify":"b","keySecret":113,"maxVersion":{"e":["TLS10","TLS11","TLS12","TLS13"]},"minVersion":{"e":["TLS10","TLS11","TLS12","TLS13"]},"serverName":"s"}},{"p":{"configMap":113,"secret":113}},{"p":{"credentials":113,"type":"s"}},{"p":{"password":113,"username":113}},{"p":{"clientId":1161,"clientSecret":113,"endpointParams":{"m":"s"},"scopes":{"a":"s"},"tlsConfig":1160,"tokenUrl":"s","noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["clientId","clientSecret","tokenUrl"]},{"p":{"apiURL":"s"}},{"p":{"webhookURL":113}},{"p":{"apiURL":"s","token":113,"tokenID":113}},{"p":{"authIdentity":"s","authPassword":113,"authSecret":113,"authUsername":"s","forceImplicitTLS":"b","from":"s","hello":"s","requireTLS":"b","smartHost":1169,"tlsConfig":1160}},{"p":{"host":"s","port":"s"},"r":["host","port"]},{"p":{"apiKey":113,"apiURL":"s"}},{"p":{"apiCorpID":"s","apiSecret":113,"apiURL":"s"}},{"p":{"client":1160,"server":1173},"r":["client","server"]},{"p":{"cert":1161,"certFile":"s","cipherSuites":{"a":"s"},"clientAuthType":"s","clientCAFile":"s","client_ca":1161,"curvePreferences":{"a":"s"},"keyFile":"s","keySecret":113,"maxVersion":"s","minVersion":"s","preferServerCipherSuites":"b"}},{"p":{"nameservers":{"a":"s"},"options":{"a":1155},"searches":{"a":"s"}}},{"p":{"hostnames":{"a":"s"},"ip":"s"},"r":["hostnames","ip"]},{"p":{"maxPerSilenceBytes":"s","maxSilences":"n"}},{"p":{"annotations":{"m":"s"},"labels":{"m":"s"},"name":"s"}},{"p":{"disableMountSubPath":"b","emptyDir":159,"ephemeral":160,"volumeClaimTemplate":1179}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["EmbeddedPersistentVolumeClaim"]},"metadata":1177,"spec":162,"status":205},"r":["apiVersion","kind"]},{"p":{"rollingUpdate":225,"type":{"e":["OnDelete","RollingUpdate"]}},"r":["type"]},{"p":{"getConcurrency":"n","timeout":"n","httpConfig":1182,"tlsConfig":1173}},{"p":{"headers":1183,"http2":"b"}},{"p":{"contentSecurityPolicy":"s","strictTransportSecurity":"s","xContentTypeOptions":{"e":["","NoSniff"]},"xFrameOptions":{"e":["","Deny","SameOrigin"]},"xXSSProtection":"s"}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["PodMonitor"]},"metadata":1,"spec":1185,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"attachMetadata":1186,"bodySizeLimit":"s","fallbackScrapeProtocol":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]},"jobLabel":"s","keepDroppedTargets":"n","labelLimit":"n","labelNameLengthLimit":"n","labelValueLengthLimit":"n","namespaceSelector":1187,"podMetricsEndpoints":{"a":1188},"podTargetLabels":{"a":"s"},"sampleLimit":"n","scrapeClass":"s","scrapeProtocols":{"a":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]}},"selector":37,"selectorMechanism":{"e":["RelabelConfig","RoleSelector"]},"targetLimit":"n","convertClassicHistogramsToNHCB":"b","nativeHistogramBucketLimit":"n","nativeHistogramMinBucketFactor":"x","scrapeClassicHistograms":"b","scrapeNativeHistograms":"b"},"r":["selector"]},{"p":{"node":"b"}},{"p":{"any":"b","matchNames":{"a":"s"}}},{"p":{"filterRunning":"b","honorLabels":"b","honorTimestamps":"b","interval":"s","metricRelabelings":{"a":1189},"params":{"m":{"a":"s"}},"path":"s","port":"s","portNumber":"n","relabelings":{"a":1189},"scheme":{"e":["HTTP","HTTPS","http","https"]},"scrapeTimeout":"s","targetPort":"x","trackTimestampsStaleness":"b","tlsConfig":1160,"authorization":1162,"basicAuth":1163,"bearerTokenSecret":113,"enableHttp2":"b","followRedirects":"b","oauth2":1164,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"action":{"e":["Drop","DropEqual","HashMod","Keep","KeepEqual","LabelDrop","LabelKeep","LabelMap","Lowercase","Replace","Uppercase","drop","dropequal","hashmod","keep","keepequal","labeldrop","labelkeep","labelmap","lowercase","replace","uppercase"]},"modulus":"n","regex":"s","replacement":"s","separator":"s","sourceLabels":{"a":"s"},"targetLabel":"s"}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["Probe"]},"metadata":1,"spec":1191,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"authorization":1162,"fallbackScrapeProtocol":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]},"interval":"s","jobName":"s","keepDroppedTargets":"n","labelLimit":"n","labelNameLengthLimit":"n","labelValueLengthLimit":"n","metricRelabelings":{"a":1189},"module":"s","params":{"a":1192},"prober":1193,"sampleLimit":"n","scrapeClass":"s","scrapeProtocols":{"a":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]}},"scrapeTimeout":"s","targetLimit":"n","targets":1194,"convertClassicHistogramsToNHCB":"b","nativeHistogramBucketLimit":"n","nativeHistogramMinBucketFactor":"x","scrapeClassicHistograms":"b","scrapeNativeHistograms":"b","tlsConfig":1160,"basicAuth":1163,"bearerTokenSecret":113,"enableHttp2":"b","followRedirects":"b","oauth2":1164}},{"p":{"name":"s","values":{"a":"s"}},"r":["name"]},{"p":{"path":"s","scheme":{"e":["HTTP","HTTPS","http","https"]},"url":"s","noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["url"]},{"p":{"ingress":1195,"staticConfig":1196}},{"p":{"namespaceSelector":1187,"relabelingConfigs":{"a":1189},"selector":37}},{"p":{"labels":{"m":"s"},"relabelingConfigs":{"a":1189},"static":{"a":"s"}}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["Prometheus"]},"metadata":1,"spec":1198,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"additionalAlertManagerConfigs":113,"additionalAlertRelabelConfigs":113,"alerting":1199,"allowOverlappingBlocks":"b","baseImage":"s","disableCompaction":"b","enableAdminAPI":"b","evaluationInterval":"s","exemplars":909,"prometheusRulesExcludedFromEnforce":{"a":1203},"query":1204,"queryLogFile":"s","remoteRead":{"a":1205},"retention":"s","retentionSize":"s","ruleNamespaceSelector":37,"ruleQueryOffset":"s","ruleSelector":37,"rules":1207,"sha":"s","shardRetentionPolicy":1209,"tag":"s","thanos":1211,"additionalArgs":{"a":1155},"additionalScrapeConfigs":113,"affinity":28,"apiserverConfig":1213,"arbitraryFSAccessThroughSMs":1214,"automountServiceAccountToken":"b","bodySizeLimit":"s","configMaps":{"a":"s"},"containers":{"a":110},"convertClassicHistogramsToNHCB":"b","dnsConfig":1174,"dnsPolicy":{"e":["ClusterFirst","ClusterFirstWithHostNet","Default","None"]},"enableFeatures":{"a":"s"},"enableOTLPReceiver":"b","enableRemoteWriteReceiver":"b","enableServiceLinks":"b","enforcedBodySizeLimit":"s","enforcedKeepDroppedTargets":"n","enforcedLabelLimit":"n","enforcedLabelNameLengthLimit":"n","enforcedLabelValueLengthLimit":"n","enforcedNamespaceLabel":"s","enforcedSampleLimit":"n","enforcedTargetLimit":"n","excludedFromEnforcement":{"a":1215},"externalLabels":{"m":"s"},"externalUrl":"s","hostAliases":{"a":1175},"hostNetwork":"b","hostUsers":"b","ignoreNamespaceSelectors":"b","image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"imagePullSecrets":{"a":39},"initContainers":{"a":110},"keepDroppedTargets":"n","labelLimit":"n","labelNameLengthLimit":"n","labelValueLengthLimit":"n","listenLocal":"b","logFormat":{"e":["","json","logfmt"]},"logLevel":{"e":["","debug","error","info","warn"]},"maximumStartupDurationSeconds":"n","minReadySeconds":"n","nameEscapingScheme":{"e":["AllowUTF8","Dots","Underscores","Values"]},"nameValidationScheme":{"e":["Legacy","UTF8"]},"nodeSelector":{"m":"s"},"otlp":1216,"overrideHonorLabels":"b","overrideHonorTimestamps":"b","paused":"b","persistentVolumeClaimRetentionPolicy":201,"podManagementPolicy":{"e":["OrderedReady","Parallel"]},"podMetadata":1177,"podMonitorNamespaceSelector":37,"podMonitorSelector":37,"podTargetLabels":{"a":"s"},"portName":"s","priorityClassName":"s","probeNamespaceSelector":37,"probeSelector":37,"prometheusExternalLabelName":"s","reloadStrategy":{"e":["HTTP","ProcessSignal"]},"remoteWrite":{"a":1217},"remoteWriteReceiverMessageVersions":{"a":{"e":["V1.0","V2.0"]}},"replicaExternalLabelName":"s","replicas":"n","resources":129,"routePrefix":"s","runtime":1225,"sampleLimit":"n","schedulerName":"s","scrapeClasses":{"a":1226},"scrapeClassicHistograms":"b","scrapeConfigNamespaceSelector":37,"scrapeConfigSelector":37,"scrapeFailureLogFile":"s","scrapeInterval":"s","scrapeNativeHistograms":"b","scrapeProtocols":{"a":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]}},"scrapeTimeout":"s","secrets":{"a":"s"},"securityContext":146,"serviceAccountName":"s","serviceDiscoveryRole":{"e":["EndpointSlice","Endpoints"]},"serviceMonitorNamespaceSelector":37,"serviceMonitorSelector":37,"serviceName":"s","shardingStrategy":1227,"shards":"n","storage":1178,"targetLimit":"n","terminationGracePeriodSeconds":"n","tolerations":{"a":45},"topologySpreadConstraints":{"a":1229},"tracingConfig":1230,"tsdb":1231,"updateStrategy":1180,"version":"s","volumeMounts":{"a":137},"volumes":{"a":148},"walCompression":"b","web":1232}},{"p":{"alertmanagers":{"a":1200}},"r":["alertmanagers"]},{"p":{"alertRelabelings":{"a":1189},"apiVersion":{"e":["V1","V2","v1","v2"]},"authorization":1162,"basicAuth":1163,"bearerTokenFile":"s","enableHttp2":"b","name":"s","namespace":"s","pathPrefix":"s","port":"x","relabelings":{"a":1189},"scheme":{"e":["HTTP","HTTPS","http","https"]},"sigv4":1201,"timeout":"s","tlsConfig":1202,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["name","port"]},{"p":{"accessKey":113,"externalId":"s","profile":"s","region":"s","roleArn":"s","secretKey":113,"useFIPSSTSEndpoint":"b"}},{"p":{"ca":1161,"cert":1161,"insecureSkipVerify":"b","keySecret":113,"maxVersion":{"e":["TLS10","TLS11","TLS12","TLS13"]},"minVersion":{"e":["TLS10","TLS11","TLS12","TLS13"]},"serverName":"s","caFile":"s","certFile":"s","keyFile":"s"}},{"p":{"ruleName":"s","ruleNamespace":"s"},"r":["ruleName","ruleNamespace"]},{"p":{"lookbackDelta":"s","maxConcurrency":"n","maxSamples":"n","timeout":"s"}},{"p":{"authorization":1206,"basicAuth":1163,"bearerToken":"s","bearerTokenFile":"s","filterExternalLabels":"b","followRedirects":"b","headers":{"m":"s"},"name":"s","oauth2":1164,"readRecent":"b","remoteTimeout":"s","requiredMatchers":{"m":"s"},"tlsConfig":1202,"url":"s","noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["url"]},{"p":{"credentialsFile":"s","credentials":113,"type":"s"}},{"p":{"alert":1208}},{"p":{"forGracePeriod":"s","forOutageTolerance":"s","resendDelay":"s"}},{"p":{"retain":1210,"whenScaled":"s"}},{"p":{"retentionPeriod":"s"},"r":["retentionPeriod"]},{"p":{"additionalArgs":{"a":1155},"baseImage":"s","blockSize":"s","getConfigInterval":"s","getConfigTimeout":"s","grpcListenLocal":"b","grpcServerTlsConfig":1212,"httpListenLocal":"b","image":"s","listenLocal":"b","logFormat":{"e":["","json","logfmt"]},"logLevel":{"e":["","debug","error","info","warn"]},"minTime":"s","objectStorageConfig":113,"objectStorageConfigFile":"s","readyTimeout":"s","resources":129,"sha":"s","tag":"s","tracingConfig":113,"tracingConfigFile":"s","version":"s","volumeMounts":{"a":137}}},{"p":{"cipherSuites":{"a":"s"},"curves":{"a":"s"},"ca":1161,"cert":1161,"insecureSkipVerify":"b","keySecret":113,"maxVersion":{"e":["TLS10","TLS11","TLS12","TLS13"]},"minVersion":{"e":["TLS10","TLS11","TLS12","TLS13"]},"serverName":"s","caFile":"s","certFile":"s","keyFile":"s"}},{"p":{"authorization":1206,"basicAuth":1163,"bearerToken":"s","bearerTokenFile":"s","host":"s","tlsConfig":1202,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["host"]},{"p":{"deny":"b"}},{"p":{"group":{"e":["monitoring.coreos.com"]},"name":"s","namespace":"s","resource":{"e":["podmonitors","probes","prometheusrules","scrapeconfigs","servicemonitors"]}},"r":["namespace","resource"]},{"p":{"convertHistogramsToNHCB":"b","ignoreResourceAttributes":{"a":"s"},"keepIdentifyingResourceAttributes":"b","promoteAllResourceAttributes":"b","promoteResourceAttributes":{"a":"s"},"promoteScopeMetadata":"b","translationStrategy":{"e":["NoTranslation","NoUTF8EscapingWithSuffixes","UnderscoreEscapingWithSuffixes","UnderscoreEscapingWithoutSuffixes"]}}},{"p":{"authorization":1206,"azureAd":1218,"basicAuth":1163,"bearerToken":"s","bearerTokenFile":"s","enableHTTP2":"b","followRedirects":"b","headers":{"m":"s"},"messageVersion":{"e":["V1.0","V2.0"]},"metadataConfig":1223,"name":"s","oauth2":1164,"queueConfig":1224,"remoteTimeout":"s","roundRobinDNS":"b","sendExemplars":"b","sendNativeHistograms":"b","sigv4":1201,"tlsConfig":1202,"url":"s","writeRelabelConfigs":{"a":1189},"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["url"]},{"p":{"cloud":{"e":["AzureChina","AzureGovernment","AzurePublic"]},"managedIdentity":1219,"oauth":1220,"scope":"s","sdk":1221,"workloadIdentity":1222}},{"p":{"clientId":"s"}},{"p":{"clientId":"s","clientSecret":113,"tenantId":"s"},"r":["clientId","clientSecret","tenantId"]},{"p":{"tenantId":"s"}},{"p":{"clientId":"s","tenantId":"s"},"r":["clientId","tenantId"]},{"p":{"maxSamplesPerSend":"n","send":"b","sendInterval":"s"}},{"p":{"batchSendDeadline":"s","capacity":"n","maxBackoff":"s","maxRetries":"n","maxSamplesPerSend":"n","maxShards":"n","minBackoff":"s","minShards":"n","retryOnRateLimit":"b","sampleAgeLimit":"s"}},{"p":{"goGC":"n"}},{"p":{"attachMetadata":1186,"authorization":1206,"default":"b","fallbackScrapeProtocol":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]},"metricRelabelings":{"a":1189},"name":"s","relabelings":{"a":1189},"tlsConfig":1202},"r":["name"]},{"p":{"mode":{"e":["Address","Topology"]},"topology":1228}},{"p":{"externalLabelName":"s","values":{"a":"s"}}},{"p":{"additionalLabelSelectors":{"e":["OnResource","OnShard"]},"labelSelector":37,"matchLabelKeys":{"a":"s"},"maxSkew":"n","minDomains":"n","nodeAffinityPolicy":{"e":["Honor","Ignore"]},"nodeTaintsPolicy":{"e":["Honor","Ignore"]},"topologyKey":"s","whenUnsatisfiable":{"e":["DoNotSchedule","ScheduleAnyway"]}},"r":["maxSkew","topologyKey","whenUnsatisfiable"]},{"p":{"clientType":{"e":["GRPC","HTTP","grpc","http"]},"compression":{"e":["Gzip","gzip"]},"endpoint":"s","headers":{"m":"s"},"insecure":"b","samplingFraction":"x","timeout":"s","tlsConfig":1202},"r":["endpoint"]},{"p":{"outOfOrderTimeWindow":"s"}},{"p":{"maxConnections":"n","pageTitle":"s","httpConfig":1182,"tlsConfig":1173}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["PrometheusRule"]},"metadata":1,"spec":1234,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"groups":{"a":1235}}},{"p":{"interval":"s","labels":{"m":"s"},"limit":"n","name":"s","partial_response_strategy":"s","query_offset":"s","rules":{"a":1236}},"r":["name"]},{"p":{"alert":"s","annotations":{"m":"s"},"expr":"x","for":"s","keep_firing_for":"s","labels":{"m":"s"},"record":"s"},"r":["expr"]},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["ServiceMonitor"]},"metadata":1,"spec":1238,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"attachMetadata":1186,"bodySizeLimit":"s","endpoints":{"a":1239},"fallbackScrapeProtocol":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]},"jobLabel":"s","keepDroppedTargets":"n","labelLimit":"n","labelNameLengthLimit":"n","labelValueLengthLimit":"n","namespaceSelector":1187,"podTargetLabels":{"a":"s"},"sampleLimit":"n","scrapeClass":"s","scrapeProtocols":{"a":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]}},"selector":37,"selectorMechanism":{"e":["RelabelConfig","RoleSelector"]},"serviceDiscoveryRole":{"e":["EndpointSlice","Endpoints"]},"targetLabels":{"a":"s"},"targetLimit":"n","convertClassicHistogramsToNHCB":"b","nativeHistogramBucketLimit":"n","nativeHistogramMinBucketFactor":"x","scrapeClassicHistograms":"b","scrapeNativeHistograms":"b"},"r":["endpoints","selector"]},{"p":{"bearerTokenFile":"s","filterRunning":"b","honorLabels":"b","honorTimestamps":"b","interval":"s","metricRelabelings":{"a":1189},"params":{"m":{"a":"s"}},"path":"s","port":"s","relabelings":{"a":1189},"scheme":{"e":["HTTP","HTTPS","http","https"]},"scrapeTimeout":"s","targetPort":"x","trackTimestampsStaleness":"b","tlsConfig":1202,"authorization":1162,"basicAuth":1163,"bearerTokenSecret":113,"enableHttp2":"b","followRedirects":"b","oauth2":1164,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1"]},"kind":{"e":["ThanosRuler"]},"metadata":1,"spec":1241,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"additionalArgs":{"a":1155},"affinity":28,"alertDropLabels":{"a":"s"},"alertQueryUrl":"s","alertRelabelConfigFile":"s","alertRelabelConfigs":113,"alertmanagersConfig":113,"alertmanagersUrl":{"a":"s"},"containers":{"a":110},"dnsConfig":1174,"dnsPolicy":{"e":["ClusterFirst","ClusterFirstWithHostNet","Default","None"]},"enableFeatures":{"a":"s"},"enableServiceLinks":"b","enforcedNamespaceLabel":"s","evaluationInterval":"s","excludedFromEnforcement":{"a":1215},"externalPrefix":"s","grpcServerTlsConfig":1212,"hostAliases":{"a":1175},"hostUsers":"b","image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"imagePullSecrets":{"a":39},"initContainers":{"a":110},"labels":{"m":"s"},"listenLocal":"b","logFormat":{"e":["","json","logfmt"]},"logLevel":{"e":["","debug","error","info","warn"]},"minReadySeconds":"n","nodeSelector":{"m":"s"},"objectStorageConfig":113,"objectStorageConfigFile":"s","paused":"b","podManagementPolicy":{"e":["OrderedReady","Parallel"]},"podMetadata":1177,"portName":"s","priorityClassName":"s","prometheusRulesExcludedFromEnforce":{"a":1203},"queryConfig":113,"queryEndpoints":{"a":"s"},"remoteWrite":{"a":1217},"replicas":"n","resendDelay":"s","resources":129,"retention":"s","routePrefix":"s","ruleConcurrentEval":"n","ruleGracePeriod":"s","ruleNamespaceSelector":37,"ruleOutageTolerance":"s","ruleQueryOffset":"s","ruleSelector":37,"schedulerName":"s","securityContext":146,"serviceAccountName":"s","serviceName":"s","storage":1178,"terminationGracePeriodSeconds":"n","tolerations":{"a":45},"topologySpreadConstraints":{"a":147},"tracingConfig":113,"tracingConfigFile":"s","updateStrategy":1180,"version":"s","volumeMounts":{"a":137},"volumes":{"a":148},"web":1242}},{"p":{"httpConfig":1182,"tlsConfig":1173}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1alpha1"]},"kind":{"e":["AlertmanagerConfig"]},"metadata":1,"spec":1244,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"inhibitRules":{"a":1245},"muteTimeIntervals":{"a":1247},"receivers":{"a":1251},"route":1277}},{"p":{"equal":{"a":"s"},"sourceMatch":{"a":1246},"targetMatch":{"a":1246}}},{"p":{"matchType":"s","name":"s","regex":"b","value":"s"},"r":["name"]},{"p":{"name":"s","timeIntervals":{"a":1248}},"r":["name"]},{"p":{"daysOfMonth":{"a":1249},"months":{"a":"s"},"times":{"a":1250},"weekdays":{"a":"s"},"years":{"a":"s"}}},{"p":{"end":"n","start":"n"}},{"p":{"endTime":"s","startTime":"s"}},{"p":{"discordConfigs":{"a":1252},"emailConfigs":{"a":1254},"msteamsConfigs":{"a":1256},"msteamsv2Configs":{"a":1257},"name":"s","opsgenieConfigs":{"a":1258},"pagerdutyConfigs":{"a":1260},"pushoverConfigs":{"a":1263},"rocketchatConfigs":{"a":1264},"slackConfigs":{"a":1267},"snsConfigs":{"a":1271},"telegramConfigs":{"a":1272},"victoropsConfigs":{"a":1273},"webexConfigs":{"a":1274},"webhookConfigs":{"a":1275},"wechatConfigs":{"a":1276}},"r":["name"]},{"p":{"apiURL":113,"avatarURL":"s","content":"s","httpConfig":1253,"message":"s","sendResolved":"b","title":"s","username":"s"},"r":["apiURL"]},{"p":{"authorization":1162,"basicAuth":1163,"bearerTokenSecret":113,"enableHttp2":"b","followRedirects":"b","oauth2":1164,"proxyURL":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"authIdentity":"s","authPassword":113,"authSecret":113,"authUsername":"s","forceImplicitTLS":"b","from":"s","headers":{"a":267},"hello":"s","html":"s","requireTLS":"b","sendResolved":"b","smarthost":"s","text":"s","threading":1255,"tlsConfig":1160,"to":"s"}},{"p":{"threadByDate":{"e":["Daily","None"]}},"r":["threadByDate"]},{"p":{"httpConfig":1253,"sendResolved":"b","summary":"s","text":"s","title":"s","webhookUrl":113},"r":["webhookUrl"]},{"p":{"httpConfig":1253,"sendResolved":"b","text":"s","title":"s","webhookURL":113}},{"p":{"actions":"s","apiKey":113,"apiURL":"s","description":"s","details":{"a":267},"entity":"s","httpConfig":1253,"message":"s","note":"s","priority":"s","responders":{"a":1259},"sendResolved":"b","source":"s","tags":"s","updateAlerts":"b"}},{"p":{"id":"s","name":"s","type":{"e":["escalation","schedule","team","teams","user"]},"username":"s"},"r":["type"]},{"p":{"class":"s","client":"s","clientURL":"s","component":"s","description":"s","details":{"a":267},"group":"s","httpConfig":1253,"pagerDutyImageConfigs":{"a":1261},"pagerDutyLinkConfigs":{"a":1262},"routingKey":113,"sendResolved":"b","serviceKey":113,"severity":"s","source":"s","timeout":"s","url":"s"}},{"p":{"alt":"s","href":"s","src":"s"}},{"p":{"alt":"s","href":"s"}},{"p":{"device":"s","expire":"s","html":"b","httpConfig":1253,"message":"s","monospace":"b","priority":"s","retry":"s","sendResolved":"b","sound":"s","title":"s","token":113,"tokenFile":"s","ttl":"s","url":"s","urlTitle":"s","userKey":113,"userKeyFile":"s"}},{"p":{"actions":{"a":1265},"apiURL":"s","channel":"s","color":"s","emoji":"s","fields":{"a":1266},"httpConfig":1253,"iconURL":"s","imageURL":"s","linkNames":"b","sendResolved":"b","shortFields":"b","text":"s","thumbURL":"s","title":"s","titleLink":"s","token":113,"tokenID":113},"r":["token","tokenID"]},{"p":{"msg":"s","text":"s","url":"s"}},{"p":{"short":"b","title":"s","value":"s"}},{"p":{"actions":{"a":1268},"apiURL":113,"callbackId":"s","channel":"s","color":"s","fallback":"s","fields":{"a":1270},"footer":"s","httpConfig":1253,"iconEmoji":"s","iconURL":"s","imageURL":"s","linkNames":"b","messageText":"s","mrkdwnIn":{"a":"s"},"pretext":"s","sendResolved":"b","shortFields":"b","text":"s","thumbURL":"s","timeout":"s","title":"s","titleLink":"s","username":"s"}},{"p":{"confirm":1269,"name":"s","style":"s","text":"s","type":"s","url":"s","value":"s"},"r":["text","type"]},{"p":{"dismissText":"s","okText":"s","text":"s","title":"s"},"r":["text"]},{"p":{"short":"b","title":"s","value":"s"},"r":["title","value"]},{"p":{"apiURL":"s","attributes":{"m":"s"},"httpConfig":1253,"message":"s","phoneNumber":"s","sendResolved":"b","sigv4":1201,"subject":"s","targetARN":"s","topicARN":"s"}},{"p":{"apiURL":"s","botToken":113,"botTokenFile":"s","chatID":"n","disableNotifications":"b","httpConfig":1253,"message":"s","messageThreadID":"n","parseMode":{"e":["HTML","Markdown","MarkdownV2"]},"sendResolved":"b"},"r":["chatID"]},{"p":{"apiKey":113,"apiUrl":"s","customFields":{"a":267},"entityDisplayName":"s","httpConfig":1253,"messageType":"s","monitoringTool":"s","routingKey":"s","sendResolved":"b","stateMessage":"s"},"r":["routingKey"]},{"p":{"apiURL":"s","httpConfig":1253,"message":"s","roomID":"s","sendResolved":"b"},"r":["roomID"]},{"p":{"httpConfig":1253,"maxAlerts":"n","sendResolved":"b","timeout":"s","url":"s","urlSecret":113}},{"p":{"agentID":"s","apiSecret":113,"apiURL":"s","corpID":"s","httpConfig":1253,"message":"s","messageType":"s","sendResolved":"b","toParty":"s","toTag":"s","toUser":"s"}},{"p":{"activeTimeIntervals":{"a":"s"},"continue":"b","groupBy":{"a":"s"},"groupInterval":"s","groupWait":"s","matchers":{"a":1246},"muteTimeIntervals":{"a":"s"},"receiver":"s","repeatInterval":"s","routes":{"a":"*"}}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1alpha1"]},"kind":{"e":["PrometheusAgent"]},"metadata":1,"spec":1279,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"mode":{"e":["DaemonSet","StatefulSet"]},"additionalArgs":{"a":1155},"additionalScrapeConfigs":113,"affinity":28,"apiserverConfig":1213,"arbitraryFSAccessThroughSMs":1214,"automountServiceAccountToken":"b","bodySizeLimit":"s","configMaps":{"a":"s"},"containers":{"a":110},"convertClassicHistogramsToNHCB":"b","dnsConfig":1174,"dnsPolicy":{"e":["ClusterFirst","ClusterFirstWithHostNet","Default","None"]},"enableFeatures":{"a":"s"},"enableOTLPReceiver":"b","enableRemoteWriteReceiver":"b","enableServiceLinks":"b","enforcedBodySizeLimit":"s","enforcedKeepDroppedTargets":"n","enforcedLabelLimit":"n","enforcedLabelNameLengthLimit":"n","enforcedLabelValueLengthLimit":"n","enforcedNamespaceLabel":"s","enforcedSampleLimit":"n","enforcedTargetLimit":"n","excludedFromEnforcement":{"a":1215},"externalLabels":{"m":"s"},"externalUrl":"s","hostAliases":{"a":1175},"hostNetwork":"b","hostUsers":"b","ignoreNamespaceSelectors":"b","image":"s","imagePullPolicy":{"e":["Always","IfNotPresent","Never"]},"imagePullSecrets":{"a":39},"initContainers":{"a":110},"keepDroppedTargets":"n","labelLimit":"n","labelNameLengthLimit":"n","labelValueLengthLimit":"n","listenLocal":"b","logFormat":{"e":["","json","logfmt"]},"logLevel":{"e":["","debug","error","info","warn"]},"maximumStartupDurationSeconds":"n","minReadySeconds":"n","nameEscapingScheme":{"e":["AllowUTF8","Dots","Underscores","Values"]},"nameValidationScheme":{"e":["Legacy","UTF8"]},"nodeSelector":{"m":"s"},"otlp":1216,"overrideHonorLabels":"b","overrideHonorTimestamps":"b","paused":"b","persistentVolumeClaimRetentionPolicy":201,"podManagementPolicy":{"e":["OrderedReady","Parallel"]},"podMetadata":1177,"podMonitorNamespaceSelector":37,"podMonitorSelector":37,"podTargetLabels":{"a":"s"},"portName":"s","priorityClassName":"s","probeNamespaceSelector":37,"probeSelector":37,"prometheusExternalLabelName":"s","reloadStrategy":{"e":["HTTP","ProcessSignal"]},"remoteWrite":{"a":1217},"remoteWriteReceiverMessageVersions":{"a":{"e":["V1.0","V2.0"]}},"replicaExternalLabelName":"s","replicas":"n","resources":129,"routePrefix":"s","runtime":1225,"sampleLimit":"n","schedulerName":"s","scrapeClasses":{"a":1226},"scrapeClassicHistograms":"b","scrapeConfigNamespaceSelector":37,"scrapeConfigSelector":37,"scrapeFailureLogFile":"s","scrapeInterval":"s","scrapeNativeHistograms":"b","scrapeProtocols":{"a":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]}},"scrapeTimeout":"s","secrets":{"a":"s"},"securityContext":146,"serviceAccountName":"s","serviceDiscoveryRole":{"e":["EndpointSlice","Endpoints"]},"serviceMonitorNamespaceSelector":37,"serviceMonitorSelector":37,"serviceName":"s","shardingStrategy":1227,"shards":"n","storage":1178,"targetLimit":"n","terminationGracePeriodSeconds":"n","tolerations":{"a":45},"topologySpreadConstraints":{"a":1229},"tracingConfig":1230,"tsdb":1231,"updateStrategy":1180,"version":"s","volumeMounts":{"a":137},"volumes":{"a":148},"walCompression":"b","web":1232}},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1alpha1"]},"kind":{"e":["ScrapeConfig"]},"metadata":1,"spec":1281,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"authorization":1162,"azureSDConfigs":{"a":1282},"basicAuth":1163,"bodySizeLimit":"s","consulSDConfigs":{"a":1283},"digitalOceanSDConfigs":{"a":1284},"dnsSDConfigs":{"a":1285},"dockerSDConfigs":{"a":1286},"dockerSwarmSDConfigs":{"a":1288},"ec2SDConfigs":{"a":1289},"enableCompression":"b","enableHTTP2":"b","eurekaSDConfigs":{"a":1290},"fallbackScrapeProtocol":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]},"fileSDConfigs":{"a":1291},"gceSDConfigs":{"a":1292},"hetznerSDConfigs":{"a":1293},"honorLabels":"b","honorTimestamps":"b","httpSDConfigs":{"a":1294},"ionosSDConfigs":{"a":1295},"jobName":"s","keepDroppedTargets":"n","kubernetesSDConfigs":{"a":1296},"kumaSDConfigs":{"a":1299},"labelLimit":"n","labelNameLengthLimit":"n","labelValueLengthLimit":"n","lightSailSDConfigs":{"a":1300},"linodeSDConfigs":{"a":1301},"metricRelabelings":{"a":1189},"metricsPath":"s","nameEscapingScheme":{"e":["AllowUTF8","Dots","Underscores","Values"]},"nameValidationScheme":{"e":["Legacy","UTF8"]},"nomadSDConfigs":{"a":1302},"oauth2":1164,"openstackSDConfigs":{"a":1303},"ovhcloudSDConfigs":{"a":1304},"params":{"m":{"a":"s"}},"puppetDBSDConfigs":{"a":1305},"relabelings":{"a":1189},"sampleLimit":"n","scalewaySDConfigs":{"a":1306},"scheme":{"e":["HTTP","HTTPS","http","https"]},"scrapeClass":"s","scrapeInterval":"s","scrapeProtocols":{"a":{"e":["OpenMetricsText0.0.1","OpenMetricsText1.0.0","PrometheusProto","PrometheusText0.0.4","PrometheusText1.0.0"]}},"scrapeTimeout":"s","staticConfigs":{"a":1307},"targetLimit":"n","tlsConfig":1160,"trackTimestampsStaleness":"b","convertClassicHistogramsToNHCB":"b","nativeHistogramBucketLimit":"n","nativeHistogramMinBucketFactor":"x","scrapeClassicHistograms":"b","scrapeNativeHistograms":"b","noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"authenticationMethod":{"e":["ManagedIdentity","OAuth","SDK","WorkloadIdentity"]},"authorization":1162,"basicAuth":1163,"clientID":"s","clientSecret":113,"enableHTTP2":"b","environment":"s","followRedirects":"b","oauth2":1164,"port":"n","refreshInterval":"s","resourceGroup":"s","subscriptionID":"s","tenantID":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["subscriptionID"]},{"p":{"allowStale":"b","authorization":1162,"basicAuth":1163,"datacenter":"s","enableHTTP2":"b","filter":"s","followRedirects":"b","healthFilter":"s","namespace":"s","nodeMeta":{"m":"s"},"oauth2":1164,"partition":"s","pathPrefix":"s","refreshInterval":"s","scheme":{"e":["HTTP","HTTPS","http","https"]},"server":"s","services":{"a":"s"},"tagSeparator":"s","tags":{"a":"s"},"tlsConfig":1160,"tokenRef":113,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["server"]},{"p":{"authorization":1162,"enableHTTP2":"b","followRedirects":"b","oauth2":1164,"port":"n","refreshInterval":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"names":{"a":"s"},"port":"n","refreshInterval":"s","type":{"e":["A","AAAA","MX","NS","SRV"]}},"r":["names"]},{"p":{"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","filters":{"a":1287},"followRedirects":"b","host":"s","hostNetworkingHost":"s","matchFirstNetwork":"b","oauth2":1164,"port":"n","refreshInterval":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["host"]},{"p":{"name":"s","values":{"a":"s"}},"r":["name","values"]},{"p":{"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","filters":{"a":1287},"followRedirects":"b","host":"s","oauth2":1164,"port":"n","refreshInterval":"s","role":{"e":["Nodes","Services","Tasks"]},"tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["host","role"]},{"p":{"accessKey":113,"enableHTTP2":"b","filters":{"a":1287},"followRedirects":"b","port":"n","refreshInterval":"s","region":"s","roleARN":"s","secretKey":113,"tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","followRedirects":"b","oauth2":1164,"refreshInterval":"s","server":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["server"]},{"p":{"files":{"a":"s"},"refreshInterval":"s"},"r":["files"]},{"p":{"filter":"s","port":"n","project":"s","refreshInterval":"s","tagSeparator":"s","zone":"s"},"r":["project","zone"]},{"p":{"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","followRedirects":"b","labelSelector":"s","oauth2":1164,"port":"n","refreshInterval":"s","role":{"e":["Hcloud","Robot","hcloud","robot"]},"tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["role"]},{"p":{"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","followRedirects":"b","oauth2":1164,"refreshInterval":"s","tlsConfig":1160,"url":"s","noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["url"]},{"p":{"authorization":1162,"datacenterID":"s","enableHTTP2":"b","followRedirects":"b","oauth2":1164,"port":"n","refreshInterval":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["authorization","datacenterID"]},{"p":{"apiServer":"s","attachMetadata":1186,"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","followRedirects":"b","namespaces":1297,"oauth2":1164,"role":{"e":["EndpointSlice","Endpoints","Ingress","Node","Pod","Service"]},"selectors":{"a":1298},"tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["role"]},{"p":{"names":{"a":"s"},"ownNamespace":"b"}},{"p":{"field":"s","label":"s","role":{"e":["EndpointSlice","Endpoints","Ingress","Node","Pod","Service"]}},"r":["role"]},{"p":{"authorization":1162,"basicAuth":1163,"clientID":"s","enableHTTP2":"b","fetchTimeout":"s","followRedirects":"b","oauth2":1164,"refreshInterval":"s","server":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["server"]},{"p":{"accessKey":113,"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","endpoint":"s","followRedirects":"b","oauth2":1164,"port":"n","refreshInterval":"s","region":"s","roleARN":"s","secretKey":113,"tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"authorization":1162,"enableHTTP2":"b","followRedirects":"b","oauth2":1164,"port":"n","refreshInterval":"s","region":"s","tagSeparator":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"allowStale":"b","authorization":1162,"basicAuth":1163,"enableHTTP2":"b","followRedirects":"b","namespace":"s","oauth2":1164,"refreshInterval":"s","region":"s","server":"s","tagSeparator":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["server"]},{"p":{"allTenants":"b","applicationCredentialId":"s","applicationCredentialName":"s","applicationCredentialSecret":113,"availability":{"e":["Admin","Internal","Public","admin","internal","public"]},"domainID":"s","domainName":"s","identityEndpoint":"s","password":113,"port":"n","projectID":"s","projectName":"s","refreshInterval":"s","region":"s","role":{"e":["Hypervisor","Instance","LoadBalancer"]},"tlsConfig":1160,"userid":"s","username":"s"},"r":["region","role"]},{"p":{"applicationKey":"s","applicationSecret":113,"consumerKey":113,"endpoint":"s","refreshInterval":"s","service":{"e":["DedicatedServer","VPS"]}},"r":["applicationKey","applicationSecret","consumerKey","service"]},{"p":{"authorization":1162,"basicAuth":1163,"enableHTTP2":"b","followRedirects":"b","includeParameters":"b","oauth2":1164,"port":"n","query":"s","refreshInterval":"s","tlsConfig":1160,"url":"s","noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["query","url"]},{"p":{"accessKey":"s","apiURL":"s","enableHTTP2":"b","followRedirects":"b","nameFilter":"s","port":"n","projectID":"s","refreshInterval":"s","role":{"e":["Baremetal","Instance"]},"secretKey":113,"tagsFilter":{"a":"s"},"tlsConfig":1160,"zone":"s","noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"},"r":["accessKey","projectID","role","secretKey"]},{"p":{"labels":{"m":"s"},"targets":{"a":"s"}},"r":["targets"]},{"p":{"apiVersion":{"e":["monitoring.coreos.com/v1beta1"]},"kind":{"e":["AlertmanagerConfig"]},"metadata":1,"spec":1309,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"inhibitRules":{"a":1310},"receivers":{"a":1312},"route":1329,"timeIntervals":{"a":1247}}},{"p":{"equal":{"a":"s"},"sourceMatch":{"a":1311},"targetMatch":{"a":1311}}},{"p":{"matchType":"s","name":"s","value":"s"},"r":["name"]},{"p":{"discordConfigs":{"a":1313},"emailConfigs":{"a":1315},"msteamsConfigs":{"a":1316},"msteamsv2Configs":{"a":1317},"name":"s","opsgenieConfigs":{"a":1318},"pagerdutyConfigs":{"a":1319},"pushoverConfigs":{"a":1320},"rocketchatConfigs":{"a":1321},"slackConfigs":{"a":1322},"snsConfigs":{"a":1323},"telegramConfigs":{"a":1324},"victoropsConfigs":{"a":1325},"webexConfigs":{"a":1326},"webhookConfigs":{"a":1327},"wechatConfigs":{"a":1328}},"r":["name"]},{"p":{"apiURL":113,"avatarURL":"s","content":"s","httpConfig":1314,"message":"s","sendResolved":"b","title":"s","username":"s"},"r":["apiURL"]},{"p":{"authorization":1162,"basicAuth":1163,"bearerTokenSecret":237,"enableHttp2":"b","followRedirects":"b","oauth2":1164,"proxyURL":"s","tlsConfig":1160,"noProxy":"s","proxyConnectHeader":{"m":{"a":113}},"proxyFromEnvironment":"b","proxyUrl":"s"}},{"p":{"authIdentity":"s","authPassword":237,"authSecret":237,"authUsername":"s","forceImplicitTLS":"b","from":"s","headers":{"a":267},"hello":"s","html":"s","requireTLS":"b","sendResolved":"b","smarthost":"s","text":"s","threading":1255,"tlsConfig":1160,"to":"s"}},{"p":{"httpConfig":1314,"sendResolved":"b","summary":"s","text":"s","title":"s","webhookUrl":113},"r":["webhookUrl"]},{"p":{"httpConfig":1314,"sendResolved":"b","text":"s","title":"s","webhookURL":113}},{"p":{"actions":"s","apiKey":237,"apiURL":"s","description":"s","details":{"a":267},"entity":"s","httpConfig":1314,"message":"s","note":"s","priority":"s","responders":{"a":1259},"sendResolved":"b","source":"s","tags":"s"}},{"p":{"class":"s","client":"s","clientURL":"s","component":"s","description":"s","details":{"a":267},"group":"s","httpConfig":1314,"pagerDutyImageConfigs":{"a":1261},"pagerDutyLinkConfigs":{"a":1262},"routingKey":237,"sendResolved":"b","serviceKey":237,"severity":"s","source":"s","timeout":"s","url":"s"}},{"p":{"device":"s","expire":"s","html":"b","httpConfig":1314,"message":"s","monospace":"b","priority":"s","retry":"s","sendResolved":"b","sound":"s","title":"s","token":237,"tokenFile":"s","ttl":"s","url":"s","urlTitle":"s","userKey":237,"userKeyFile":"s"}},{"p":{"actions":{"a":1265},"apiURL":"s","channel":"s","color":"s","emoji":"s","fields":{"a":1266},"httpConfig":1314,"iconURL":"s","imageURL":"s","linkNames":"b","sendResolved":"b","shortFields":"b","text":"s","thumbURL":"s","title":"s","titleLink":"s","token":113,"tokenID":113},"r":["token","tokenID"]},{"p":{"actions":{"a":1268},"apiURL":237,"callbackId":"s","channel":"s","color":"s","fallback":"s","fields":{"a":1270},"footer":"s","httpConfig":1314,"iconEmoji":"s","iconURL":"s","imageURL":"s","linkNames":"b","messageText":"s","mrkdwnIn":{"a":"s"},"pretext":"s","sendResolved":"b","shortFields":"b","text":"s","thumbURL":"s","timeout":"s","title":"s","titleLink":"s","username":"s"}},{"p":{"apiURL":"s","attributes":{"m":"s"},"httpConfig":1314,"message":"s","phoneNumber":"s","sendResolved":"b","sigv4":1201,"subject":"s","targetARN":"s","topicARN":"s"}},{"p":{"apiURL":"s","botToken":237,"botTokenFile":"s","chatID":"n","disableNotifications":"b","httpConfig":1314,"message":"s","messageThreadID":"n","parseMode":{"e":["HTML","Markdown","MarkdownV2"]},"sendResolved":"b"},"r":["chatID"]},{"p":{"apiKey":237,"apiUrl":"s","customFields":{"a":267},"entityDisplayName":"s","httpConfig":1314,"messageType":"s","monitoringTool":"s","routingKey":"s","sendResolved":"b","stateMessage":"s"},"r":["routingKey"]},{"p":{"apiURL":"s","httpConfig":1314,"message":"s","roomID":"s","sendResolved":"b"},"r":["roomID"]},{"p":{"httpConfig":1314,"maxAlerts":"n","sendResolved":"b","timeout":"s","url":"s","urlSecret":237}},{"p":{"agentID":"s","apiSecret":237,"apiURL":"s","corpID":"s","httpConfig":1314,"message":"s","messageType":"s","sendResolved":"b","toParty":"s","toTag":"s","toUser":"s"}},{"p":{"activeTimeIntervals":{"a":"s"},"continue":"b","groupBy":{"a":"s"},"groupInterval":"s","groupWait":"s","matchers":{"a":1311},"muteTimeIntervals":{"a":"s"},"receiver":"s","repeatInterval":"s","routes":{"a":"*"}}},{"p":{"spec":1331,"status":"*","apiVersion":{"e":["networking.istio.io/v1"]},"kind":{"e":["DestinationRule"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"exportTo":{"a":"s"},"host":"s","subsets":{"a":1332},"trafficPolicy":1333,"workloadSelector":653},"r":["host"]},{"p":{"labels":{"m":"s"},"name":"s","trafficPolicy":1333},"r":["name"]},{"p":{"connectionPool":1334,"loadBalancer":"*","outlierDetection":1338,"portLevelSettings":{"a":1339},"proxyProtocol":1342,"retryBudget":1343,"tls":1341,"tunnel":1344}},{"p":{"http":1335,"tcp":1336}},{"p":{"h2UpgradePolicy":{"e":["DEFAULT","DO_NOT_UPGRADE","UPGRADE"]},"http1MaxPendingRequests":"n","http2MaxRequests":"n","idleTimeout":"s","maxConcurrentStreams":"n","maxRequestsPerConnection":"n","maxRetries":"n","useClientProtocol":"b"}},{"p":{"connectTimeout":"s","idleTimeout":"s","maxConnectionDuration":"s","maxConnections":"n","tcpKeepalive":1337}},{"p":{"interval":"s","probes":"n","time":"s"}},{"p":{"baseEjectionTime":"s","consecutive5xxErrors":"n","consecutiveErrors":"n","consecutiveGatewayErrors":"n","consecutiveLocalOriginFailures":"n","interval":"s","maxEjectionPercent":"n","minHealthPercent":"n","splitExternalLocalOriginErrors":"b"}},{"p":{"connectionPool":1334,"loadBalancer":"*","outlierDetection":1338,"port":1340,"tls":1341}},{"p":{"number":"n"}},{"p":{"caCertificates":"s","caCrl":"s","clientCertificate":"s","credentialName":"s","insecureSkipVerify":"b","mode":{"e":["DISABLE","ISTIO_MUTUAL","MUTUAL","SIMPLE"]},"privateKey":"s","sni":"s","subjectAltNames":{"a":"s"}}},{"p":{"version":{"e":["V1","V2"]}}},{"p":{"minRetryConcurrency":"n","percent":"n"}},{"p":{"protocol":"s","targetHost":"s","targetPort":"n"},"r":["targetHost","targetPort"]},{"p":{"spec":1346,"status":"*","apiVersion":{"e":["networking.istio.io/v1"]},"kind":{"e":["Gateway"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"selector":{"m":"s"},"servers":{"a":1347}}},{"p":{"bind":"s","defaultEndpoint":"s","hosts":{"a":"s"},"name":"s","port":1348,"tls":1349},"r":["hosts","port"]},{"p":{"name":"s","number":"n","protocol":"s","targetPort":"n"},"r":["name","number","protocol"]},{"p":{"caCertCredentialName":"s","caCertificates":"s","caCrl":"s","cipherSuites":{"a":"s"},"credentialName":"s","credentialNames":{"a":"s"},"httpsRedirect":"b","maxProtocolVersion":{"e":["TLSV1_0","TLSV1_1","TLSV1_2","TLSV1_3","TLS_AUTO"]},"minProtocolVersion":{"e":["TLSV1_0","TLSV1_1","TLSV1_2","TLSV1_3","TLS_AUTO"]},"mode":{"e":["AUTO_PASSTHROUGH","ISTIO_MUTUAL","MUTUAL","OPTIONAL_MUTUAL","PASSTHROUGH","SIMPLE"]},"privateKey":"s","serverCertificate":"s","subjectAltNames":{"a":"s"},"tlsCertificates":{"a":1350},"verifyCertificateHash":{"a":"s"},"verifyCertificateSpki":{"a":"s"}}},{"p":{"caCertificates":"s","privateKey":"s","serverCertificate":"s"}},{"p":{"spec":1352,"status":"*","apiVersion":{"e":["networking.istio.io/v1"]},"kind":{"e":["ServiceEntry"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"addresses":{"a":"s"},"endpoints":{"a":1353},"exportTo":{"a":"s"},"hosts":{"a":"s"},"location":{"e":["MESH_EXTERNAL","MESH_INTERNAL"]},"ports":{"a":1354},"resolution":{"e":["DNS","DNS_ROUND_ROBIN","DYNAMIC_DNS","NONE","STATIC"]},"subjectAltNames":{"a":"s"},"workloadSelector":1355},"r":["hosts"]},{"p":{"address":"s","labels":{"m":"s"},"locality":"s","network":"s","ports":{"m":"n"},"serviceAccount":"s","weight":"n"}},{"p":{"name":"s","number":"n","protocol":"s","targetPort":"n"},"r":["name","number"]},{"p":{"labels":{"m":"s"}}},{"p":{"spec":1357,"status":"*","apiVersion":{"e":["networking.istio.io/v1"]},"kind":{"e":["Sidecar"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"egress":{"a":1358},"inboundConnectionPool":1334,"ingress":{"a":1360},"outboundTrafficPolicy":1361,"workloadSelector":1355}},{"p":{"bind":"s","captureMode":{"e":["DEFAULT","IPTABLES","NONE"]},"hosts":{"a":"s"},"port":1359},"r":["hosts"]},{"p":{"name":"s","number":"n","protocol":"s","targetPort":"n"}},{"p":{"bind":"s","captureMode":{"e":["DEFAULT","IPTABLES","NONE"]},"connectionPool":1334,"defaultEndpoint":"s","port":1359,"tls":1349},"r":["port"]},{"p":{"egressProxy":1362,"mode":{"e":["ALLOW_ANY","REGISTRY_ONLY"]}}},{"p":{"host":"s","port":1340,"subset":"s"},"r":["host"]},{"p":{"spec":1364,"status":"*","apiVersion":{"e":["networking.istio.io/v1"]},"kind":{"e":["VirtualService"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"exportTo":{"a":"s"},"gateways":{"a":"s"},"hosts":{"a":"s"},"http":{"a":1365},"tcp":{"a":1379},"tls":{"a":1382}}},{"p":{"corsPolicy":1366,"delegate":1367,"directResponse":1368,"fault":1369,"headers":1370,"match":{"a":1372},"mirror":1362,"mirror_percent":"n","mirrorPercent":"n","mirrorPercentage":1373,"mirrors":{"a":1374},"name":"s","redirect":"*","retries":1375,"rewrite":1376,"route":{"a":1378},"timeout":"s"}},{"p":{"allowCredentials":"b","allowHeaders":{"a":"s"},"allowMethods":{"a":"s"},"allowOrigin":{"a":"s"},"allowOrigins":{"a":"*"},"exposeHeaders":{"a":"s"},"maxAge":"s","unmatchedPreflights":{"e":["FORWARD","IGNORE","UNSPECIFIED"]}}},{"p":{"name":"s","namespace":"s"}},{"p":{"body":"*","status":"n"},"r":["status"]},{"p":{"abort":"*","delay":"*"}},{"p":{"request":1371,"response":1371}},{"p":{"add":{"m":"s"},"remove":{"a":"s"},"set":{"m":"s"}}},{"p":{"authority":"*","gateways":{"a":"s"},"headers":{"m":"*"},"ignoreUriCase":"b","method":"*","name":"s","port":"n","queryParams":{"m":"*"},"scheme":"*","sourceLabels":{"m":"s"},"sourceNamespace":"s","statPrefix":"s","uri":"*","withoutHeaders":{"m":"*"}}},{"p":{"value":"n"}},{"p":{"destination":1362,"percentage":1373},"r":["destination"]},{"p":{"attempts":"n","backoff":"s","perTryTimeout":"s","retryIgnorePreviousHosts":"b","retryOn":"s","retryRemoteLocalities":"b"}},{"p":{"authority":"s","uri":"s","uriRegexRewrite":1377}},{"p":{"match":"s","rewrite":"s"}},{"p":{"destination":1362,"headers":1370,"weight":"n"},"r":["destination"]},{"p":{"match":{"a":1380},"route":{"a":1381}}},{"p":{"destinationSubnets":{"a":"s"},"gateways":{"a":"s"},"port":"n","sourceLabels":{"m":"s"},"sourceNamespace":"s","sourceSubnet":"s"}},{"p":{"destination":1362,"weight":"n"},"r":["destination"]},{"p":{"match":{"a":1383},"route":{"a":1381}},"r":["match"]},{"p":{"destinationSubnets":{"a":"s"},"gateways":{"a":"s"},"port":"n","sniHosts":{"a":"s"},"sourceLabels":{"m":"s"},"sourceNamespace":"s"},"r":["sniHosts"]},{"p":{"spec":1353,"status":"*","apiVersion":{"e":["networking.istio.io/v1"]},"kind":{"e":["WorkloadEntry"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"spec":1386,"status":"*","apiVersion":{"e":["networking.istio.io/v1"]},"kind":{"e":["WorkloadGroup"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"metadata":26,"probe":"*","template":1353},"r":["template"]},{"p":{"spec":1331,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["DestinationRule"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1389,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["EnvoyFilter"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"configPatches":{"a":1390},"priority":"n","targetRefs":{"a":281},"workloadSelector":1355}},{"p":{"applyTo":{"e":["BOOTSTRAP","CLUSTER","EXTENSION_CONFIG","FILTER_CHAIN","HTTP_FILTER","HTTP_ROUTE","INVALID","LISTENER","LISTENER_FILTER","NETWORK_FILTER","ROUTE_CONFIGURATION","VIRTUAL_HOST"]},"match":"*","patch":1391}},{"p":{"filterClass":{"e":["AUTHN","AUTHZ","STATS","UNSPECIFIED"]},"operation":{"e":["ADD","INSERT_AFTER","INSERT_BEFORE","INSERT_FIRST","INVALID","MERGE","REMOVE","REPLACE"]},"value":"*"}},{"p":{"spec":1346,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["Gateway"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1352,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["ServiceEntry"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"spec":1357,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["Sidecar"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1364,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["VirtualService"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1353,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["WorkloadEntry"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"spec":1386,"status":"*","apiVersion":{"e":["networking.istio.io/v1alpha3"]},"kind":{"e":["WorkloadGroup"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"spec":1331,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["DestinationRule"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1346,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["Gateway"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1401,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["ProxyConfig"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"concurrency":"n","environmentVariables":{"m":"s"},"image":1402,"selector":653}},{"p":{"imageType":"s"}},{"p":{"spec":1352,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["ServiceEntry"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"spec":1357,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["Sidecar"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1364,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["VirtualService"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1353,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["WorkloadEntry"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"spec":1386,"status":"*","apiVersion":{"e":["networking.istio.io/v1beta1"]},"kind":{"e":["WorkloadGroup"]},"metadata":1},"r":["spec","apiVersion","kind"]},{"p":{"apiVersion":{"e":["networking.k8s.io/v1"]},"kind":{"e":["Ingress"]},"metadata":1,"spec":1409,"status":"*"},"r":["apiVersion","kind"]},{"p":{"defaultBackend":1410,"ingressClassName":"s","rules":{"a":1413},"tls":{"a":666}}},{"p":{"resource":163,"service":1411}},{"p":{"name":"s","port":1412},"r":["name"]},{"p":{"name":"s","number":"n"}},{"p":{"host":"s","http":1414}},{"p":{"paths":{"a":1415}},"r":["paths"]},{"p":{"backend":1410,"path":"s","pathType":{"e":["Exact","ImplementationSpecific","Prefix"]}},"r":["backend","pathType"]},{"p":{"apiVersion":{"e":["networking.k8s.io/v1"]},"kind":{"e":["IngressClass"]},"metadata":1,"spec":1417},"r":["apiVersion","kind"]},{"p":{"controller":"s","parameters":1418}},{"p":{"apiGroup":"s","kind":"s","name":"s","namespace":"s","scope":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["networking.k8s.io/v1"]},"kind":{"e":["IPAddress"]},"metadata":1,"spec":1420},"r":["apiVersion","kind","spec"]},{"p":{"parentRef":1421},"r":["parentRef"]},{"p":{"group":"s","name":"s","namespace":"s","resource":"s"},"r":["name","resource"]},{"p":{"apiVersion":{"e":["networking.k8s.io/v1"]},"kind":{"e":["NetworkPolicy"]},"metadata":1,"spec":1423},"r":["apiVersion","kind"]},{"p":{"egress":{"a":1424},"ingress":{"a":1426},"podSelector":37,"policyTypes":{"a":{"e":["Egress","Ingress"]}}}},{"p":{"ports":{"a":1425},"to":{"a":671}}},{"p":{"endPort":"n","port":"x","protocol":{"e":["SCTP","TCP","UDP"]}}},{"p":{"from":{"a":671},"ports":{"a":1425}}},{"p":{"apiVersion":{"e":["networking.k8s.io/v1"]},"kind":{"e":["ServiceCIDR"]},"metadata":1,"spec":1428,"status":"*"},"r":["apiVersion","kind"]},{"p":{"cidrs":{"a":"s"}}},{"p":{"apiVersion":{"e":["networking.k8s.io/v1beta1"]},"kind":{"e":["Ingress"]},"metadata":1,"spec":661,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["networking.k8s.io/v1beta1"]},"kind":{"e":["IngressClass"]},"metadata":1,"spec":1417},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["node.k8s.io/v1"]},"handler":"s","kind":{"e":["RuntimeClass"]},"metadata":1,"overhead":1432,"scheduling":1433},"r":["apiVersion","handler","kind"]},{"p":{"podFixed":{"m":"x"}}},{"p":{"nodeSelector":{"m":"s"},"tolerations":{"a":45}}},{"p":{"apiVersion":{"e":["node.k8s.io/v1beta1"]},"handler":"s","kind":{"e":["RuntimeClass"]},"metadata":1,"overhead":1432,"scheduling":1433},"r":["apiVersion","handler","kind"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1"]},"kind":{"e":["Receiver"]},"metadata":1,"spec":1436,"status":"*"},"r":["apiVersion","kind"]},{"p":{"events":{"a":"s"},"interval":"s","resourceFilter":"s","resources":{"a":1437},"secretRef":142,"suspend":"b","type":{"e":["acr","bitbucket","cdevents","dockerhub","gcr","generic","generic-hmac","github","gitlab","harbor","nexus","quay"]}},"r":["resources","secretRef","type"]},{"p":{"apiVersion":"s","kind":"s","matchLabels":{"m":"s"},"name":"s","namespace":"s"},"r":["kind","name"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["Alert"]},"metadata":1,"spec":1439,"status":"*"},"r":["apiVersion","kind"]},{"p":{"eventSeverity":{"e":["error","info"]},"eventSources":{"a":1437},"exclusionList":{"a":"s"},"providerRef":142,"summary":"s","suspend":"b"},"r":["eventSources","providerRef"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["Provider"]},"metadata":1,"spec":1441,"status":"*"},"r":["apiVersion","kind"]},{"p":{"address":"s","certSecretRef":142,"channel":"s","proxy":"s","secretRef":142,"suspend":"b","timeout":"s","type":{"e":["alertmanager","azuredevops","azureeventhub","bitbucket","discord","generic","generic-hmac","github","githubdispatch","gitlab","googlechat","grafana","lark","matrix","msteams","opsgenie","rocket","sentry","slack","telegram","webex"]},"username":"s"},"r":["type"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["Receiver"]},"metadata":1,"spec":1443,"status":"*"},"r":["apiVersion","kind"]},{"p":{"events":{"a":"s"},"resources":{"a":1437},"secretRef":142,"suspend":"b","type":{"e":["acr","bitbucket","dockerhub","gcr","generic","generic-hmac","github","gitlab","harbor","nexus","quay"]}},"r":["resources","secretRef","type"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["Alert"]},"metadata":1,"spec":1445,"status":"*"},"r":["apiVersion","kind"]},{"p":{"eventMetadata":{"m":"s"},"eventSeverity":{"e":["error","info"]},"eventSources":{"a":1437},"exclusionList":{"a":"s"},"inclusionList":{"a":"s"},"providerRef":142,"summary":"s","suspend":"b"},"r":["eventSources","providerRef"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["Provider"]},"metadata":1,"spec":1447,"status":"*"},"r":["apiVersion","kind"]},{"p":{"address":"s","certSecretRef":142,"channel":"s","interval":"s","proxy":"s","secretRef":142,"suspend":"b","timeout":"s","type":{"e":["alertmanager","azuredevops","azureeventhub","bitbucket","bitbucketserver","datadog","discord","generic","generic-hmac","gitea","github","githubdispatch","gitlab","googlechat","googlepubsub","grafana","lark","matrix","msteams","opsgenie","pagerduty","rocket","sentry","slack","telegram","webex"]},"username":"s"},"r":["type"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["Receiver"]},"metadata":1,"spec":1449,"status":"*"},"r":["apiVersion","kind"]},{"p":{"events":{"a":"s"},"interval":"s","resources":{"a":1437},"secretRef":142,"suspend":"b","type":{"e":["acr","bitbucket","dockerhub","gcr","generic","generic-hmac","github","gitlab","harbor","nexus","quay"]}},"r":["resources","secretRef","type"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta3"]},"kind":{"e":["Alert"]},"metadata":1,"spec":1445},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["notification.toolkit.fluxcd.io/v1beta3"]},"kind":{"e":["Provider"]},"metadata":1,"spec":1452},"r":["apiVersion","kind"]},{"p":{"address":"s","certSecretRef":142,"channel":"s","commitStatusExpr":"s","interval":"s","proxy":"s","proxySecretRef":142,"secretRef":142,"serviceAccountName":"s","suspend":"b","timeout":"s","type":{"e":["alertmanager","azuredevops","azureeventhub","bitbucket","bitbucketserver","datadog","discord","generic","generic-hmac","gitea","giteapullrequestcomment","github","githubdispatch","githubpullrequestcomment","gitlab","gitlabmergerequestcomment","googlechat","googlepubsub","grafana","lark","matrix","msteams","nats","opsgenie","otel","pagerduty","rocket","sentry","slack","telegram","webex","zulip"]},"username":"s"},"r":["type"]},{"p":{"apiVersion":{"e":["operator.knative.dev/v1beta1"]},"kind":{"e":["KnativeEventing"]},"metadata":1,"spec":1454,"status":"*"},"r":["apiVersion","kind"]},{"p":{"defaultBrokerClass":"s","sinkBindingSelectionMode":"s","source":1455,"additionalManifests":{"a":1457},"clusterProfileRef":838,"config":{"m":{"m":"s"}},"deployments":{"a":1458},"high-availability":1462,"manifests":{"a":1457},"namespace":26,"podDisruptionBudgets":{"a":1463},"registry":1464,"resources":{"a":1461},"services":{"a":1465},"version":"s","workloads":{"a":1458}}},{"p":{"ceph":1456,"github":1456,"gitlab":1456,"kafka":1456,"rabbitmq":1456,"redis":1456},"r":["ceph","github","gitlab","kafka","rabbitmq","redis"]},{"p":{"enabled":"b"},"r":["enabled"]},{"p":{"URL":"s"},"r":["URL"]},{"p":{"affinity":28,"annotations":{"m":"s"},"env":{"a":1459},"hostNetwork":"b","labels":{"m":"s"},"livenessProbes":{"a":1460},"name":"s","nodeSelector":{"m":"s"},"readinessProbes":{"a":1460},"replicas":"n","resources":{"a":1461},"tolerations":{"a":45},"topologySpreadConstraints":{"a":147},"version":"s","volumeMounts":{"a":137}},"r":["name"]},{"p":{"container":"s","envVars":{"a":111}},"r":["container"]},{"p":{"container":"s","failureThreshold":"n","initialDelaySeconds":"n","periodSeconds":"n","successThreshold":"n","terminationGracePeriodSeconds":"n","timeoutSeconds":"n"},"r":["container"]},{"p":{"container":"s","claims":{"a":130},"limits":{"m":"x"},"requests":{"m":"x"}},"r":["container"]},{"p":{"replicas":"n"},"r":["replicas"]},{"p":{"name":"s","maxUnavailable":"x","minAvailable":"x","selector":37,"unhealthyPodEvictionPolicy":{"e":["AlwaysAllow","IfHealthyBudget"]}},"r":["name"]},{"p":{"default":"s","imagePullSecrets":{"a":39},"override":{"m":"s"}}},{"p":{"annotations":{"m":"s"},"labels":{"m":"s"},"name":"s","selector":{"m":"s"}},"r":["name"]},{"p":{"apiVersion":{"e":["operator.knative.dev/v1beta1"]},"kind":{"e":["KnativeServing"]},"metadata":1,"spec":1467,"status":"*"},"r":["apiVersion","kind"]},{"p":{"controller-custom-certs":1468,"ingress":1469,"security":1477,"additionalManifests":{"a":1457},"clusterProfileRef":838,"config":{"m":{"m":"s"}},"deployments":{"a":1458},"high-availability":1462,"manifests":{"a":1457},"namespace":26,"podDisruptionBudgets":{"a":1463},"registry":1464,"resources":{"a":1461},"services":{"a":1465},"version":"s","workloads":{"a":1458}}},{"p":{"name":"s","type":"s"},"r":["name","type"]},{"p":{"contour":1470,"gateway-api":1470,"istio":1471,"kourier":1476}},{"p":{"enabled":"b"}},{"p":{"enabled":"b","knative-ingress-gateway":1472,"knative-local-gateway":1472}},{"p":{"selector":{"m":"s"},"servers":{"a":1473}}},{"p":{"bind":"s","defaultEndpoint":"s","hosts":{"a":"s"},"name":"s","port":1474,"tls":1475}},{"p":{"name":"s","number":"n","protocol":"s","target_port":"n"}},{"p":{"caCertificates":"s","cipherSuites":{"a":"s"},"credentialName":"s","httpsRedirect":"b","maxProtocolVersion":"n","minProtocolVersion":"n","mode":{"e":["AUTO_PASSTHROUGH","ISTIO_MUTUAL","MUTUAL","PASSTHROUGH","SIMPLE"]},"privateKey":"s","serverCertificate":"s","subjectAltNames":{"a":"s"},"verifyCertificateHash":{"a":"s"},"verifyCertificateSpki":{"a":"s"}}},{"p":{"bootstrap-configmap":"s","enabled":"b","http-port":"n","https-port":"n","service-load-balancer-ip":"s","service-type":{"e":["ClusterIP","ExternalName","LoadBalancer","NodePort"]}}},{"p":{"securityGuard":1456},"r":["securityGuard"]},{"p":{"apiVersion":{"e":["policy.cert-manager.io/v1alpha1"]},"kind":{"e":["CertificateRequestPolicy"]},"metadata":1,"spec":1479,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"allowed":1480,"constraints":1485,"plugins":{"m":1487},"selector":1488},"r":["selector"]},{"p":{"commonName":1481,"dnsNames":1483,"emailAddresses":1483,"ipAddresses":1483,"isCA":"b","subject":1484,"uris":1483,"usages":{"a":{"e":["any","cert sign","client auth","code signing","content commitment","crl sign","data encipherment","decipher only","digital signature","email protection","encipher only","ipsec end system","ipsec tunnel","ipsec user","key agreement","key encipherment","microsoft sgc","netscape sgc","ocsp signing","s/mime","server auth","signing","timestamping"]}}}},{"p":{"required":"b","validations":{"a":1482},"value":"s"}},{"p":{"message":"s","rule":"s"},"r":["rule"]},{"p":{"required":"b","validations":{"a":1482},"values":{"a":"s"}}},{"p":{"countries":1483,"localities":1483,"organizationalUnits":1483,"organizations":1483,"postalCodes":1483,"provinces":1483,"serialNumber":1481,"streetAddresses":1483}},{"p":{"maxDuration":"s","minDuration":"s","privateKey":1486}},{"p":{"algorithm":{"e":["ECDSA","Ed25519","RSA"]},"maxSize":"n","minSize":"n"}},{"p":{"values":{"m":"s"}}},{"p":{"issuerRef":356,"namespace":1489}},{"p":{"matchLabels":{"m":"s"},"matchNames":{"a":"s"}}},{"p":{"apiVersion":{"e":["policy/v1"]},"deleteOptions":1491,"kind":{"e":["Eviction"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"apiVersion":"s","dryRun":{"a":"s"},"gracePeriodSeconds":"n","ignoreStoreReadErrorWithClusterBreakingPotential":"b","kind":"s","orphanDependents":"b","preconditions":1492,"propagationPolicy":"s"}},{"p":{"resourceVersion":"s","uid":"s"}},{"p":{"apiVersion":{"e":["policy/v1"]},"kind":{"e":["PodDisruptionBudget"]},"metadata":1,"spec":398,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["policy/v1beta1"]},"deleteOptions":1491,"kind":{"e":["Eviction"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["policy/v1beta1"]},"kind":{"e":["PodDisruptionBudget"]},"metadata":1,"spec":1496,"status":"*"},"r":["apiVersion","kind"]},{"p":{"maxUnavailable":"x","minAvailable":"x","selector":37}},{"p":{"apiVersion":{"e":["policy/v1beta1"]},"kind":{"e":["PodSecurityPolicy"]},"metadata":1,"spec":675},"r":["apiVersion","kind"]},{"p":{"aggregationRule":1499,"apiVersion":{"e":["rbac.authorization.k8s.io/v1"]},"kind":{"e":["ClusterRole"]},"metadata":1,"rules":{"a":1500}},"r":["apiVersion","kind"]},{"p":{"clusterRoleSelectors":{"a":37}}},{"p":{"apiGroups":{"a":"s"},"nonResourceURLs":{"a":"s"},"resourceNames":{"a":"s"},"resources":{"a":"s"},"verbs":{"a":"s"}},"r":["verbs"]},{"p":{"apiVersion":{"e":["rbac.authorization.k8s.io/v1"]},"kind":{"e":["ClusterRoleBinding"]},"metadata":1,"roleRef":163,"subjects":{"a":164}},"r":["apiVersion","kind","roleRef"]},{"p":{"apiVersion":{"e":["rbac.authorization.k8s.io/v1"]},"kind":{"e":["Role"]},"metadata":1,"rules":{"a":1500}},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["rbac.authorization.k8s.io/v1"]},"kind":{"e":["RoleBinding"]},"metadata":1,"roleRef":163,"subjects":{"a":164}},"r":["apiVersion","kind","roleRef"]},{"p":{"aggregationRule":1499,"apiVersion":{"e":["rbac.authorization.k8s.io/v1beta1"]},"kind":{"e":["ClusterRole"]},"metadata":1,"rules":{"a":1500}},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["rbac.authorization.k8s.io/v1beta1"]},"kind":{"e":["ClusterRoleBinding"]},"metadata":1,"roleRef":1506,"subjects":{"a":164}},"r":["apiVersion","kind","roleRef"]},{"p":{"apiGroup":"s","kind":"s","name":"s"},"r":["apiGroup","kind","name"]},{"p":{"apiVersion":{"e":["rbac.authorization.k8s.io/v1beta1"]},"kind":{"e":["Role"]},"metadata":1,"rules":{"a":1500}},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["rbac.authorization.k8s.io/v1beta1"]},"kind":{"e":["RoleBinding"]},"metadata":1,"roleRef":1506,"subjects":{"a":164}},"r":["apiVersion","kind","roleRef"]},{"p":{"apiVersion":{"e":["resource.k8s.io/v1"]},"kind":{"e":["DeviceClass"]},"metadata":1,"spec":1510},"r":["apiVersion","kind","spec"]},{"p":{"config":{"a":1511},"extendedResourceName":"s","selectors":{"a":1513}}},{"p":{"opaque":1512}},{"p":{"driver":"s","parameters":"*"},"r":["driver","parameters"]},{"p":{"cel":418}},{"p":{"apiVersion":{"e":["resource.k8s.io/v1"]},"kind":{"e":["ResourceClaim"]},"metadata":1,"spec":1515,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"devices":1516}},{"p":{"config":{"a":1517},"constraints":{"a":1518},"requests":{"a":1519}}},{"p":{"opaque":1512,"requests":{"a":"s"}}},{"p":{"distinctAttribute":"s","matchAttribute":"s","requests":{"a":"s"}}},{"p":{"exactly":1520,"firstAvailable":{"a":1522},"name":"s"},"r":["name"]},{"p":{"adminAccess":"b","allocationMode":{"e":["All","ExactCount"]},"capacity":1083,"count":"n","deviceClassName":"s","selectors":{"a":1513},"tolerations":{"a":1521}},"r":["deviceClassName"]},{"p":{"effect":{"e":["NoExecute","NoSchedule","None"]},"key":"s","operator":{"e":["Equal","Exists"]},"tolerationSeconds":"n","value":"s"}},{"p":{"allocationMode":{"e":["All","ExactCount"]},"capacity":1083,"count":"n","deviceClassName":"s","name":"s","selectors":{"a":1513},"tolerations":{"a":1521}},"r":["deviceClassName","name"]},{"p":{"apiVersion":{"e":["resource.k8s.io/v1"]},"kind":{"e":["ResourceClaimTemplate"]},"metadata":1,"spec":1524},"r":["apiVersion","kind","spec"]},{"p":{"metadata":1,"spec":1515},"r":["spec"]},{"p":{"apiVersion":{"e":["resource.k8s.io/v1"]},"kind":{"e":["ResourceSlice"]},"metadata":1,"spec":1526},"r":["apiVersion","kind","spec"]},{"p":{"allNodes":"b","devices":{"a":1527},"driver":"s","nodeName":"s","nodeSelector":33,"perDeviceNodeSelection":"b","pool":1536,"sharedCounters":{"a":1537}},"r":["driver","pool"]},{"p":{"allNodes":"b","allowMultipleAllocations":"b","attributes":{"m":1528},"bindingConditions":{"a":"s"},"bindingFailureConditions":{"a":"s"},"bindsToNode":"b","capacity":{"m":1529},"consumesCounters":{"a":1532},"name":"s","nodeAllocatableResourceMappings":{"m":1534},"nodeName":"s","nodeSelector":33,"taints":{"a":1535}},"r":["name"]},{"p":{"bool":"b","bools":{"a":"b"},"int":"n","ints":{"a":"n"},"string":"s","strings":{"a":"s"},"version":"s","versions":{"a":"s"}}},{"p":{"requestPolicy":1530,"value":"x"},"r":["value"]},{"p":{"default":"x","validRange":1531,"validValues":{"a":"x"}}},{"p":{"max":"x","min":"x","step":"x"},"r":["min"]},{"p":{"counterSet":"s","counters":{"m":1533}},"r":["counterSet","counters"]},{"p":{"value":"x"},"r":["value"]},{"p":{"allocationMultiplier":"x","capacityKey":"s"}},{"p":{"effect":{"e":["NoExecute","NoSchedule","None"]},"key":"s","timeAdded":"s","value":"s"},"r":["effect","key"]},{"p":{"generation":"n","name":"s","resourceSliceCount":"n"},"r":["generation","name","resourceSliceCount"]},{"p":{"counters":{"m":1533},"name":"s"},"r":["counters","name"]},{"p":{"apiVersion":{"e":["scheduling.k8s.io/v1"]},"description":"s","globalDefault":"b","kind":{"e":["PriorityClass"]},"metadata":1,"preemptionPolicy":{"e":["Never","PreemptLowerPriority"]},"value":"n"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["scheduling.k8s.io/v1beta1"]},"description":"s","globalDefault":"b","kind":{"e":["PriorityClass"]},"metadata":1,"preemptionPolicy":"s","value":"n"},"r":["apiVersion","kind","value"]},{"p":{"spec":"*","status":"*","apiVersion":{"e":["security.istio.io/v1"]},"kind":{"e":["AuthorizationPolicy"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1542,"status":"*","apiVersion":{"e":["security.istio.io/v1"]},"kind":{"e":["PeerAuthentication"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"mtls":1543,"portLevelMtls":{"m":1543},"selector":653}},{"p":{"mode":{"e":["DISABLE","PERMISSIVE","STRICT","UNSET"]}}},{"p":{"spec":1545,"status":"*","apiVersion":{"e":["security.istio.io/v1"]},"kind":{"e":["RequestAuthentication"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"jwtRules":{"a":1546},"selector":653,"targetRef":281,"targetRefs":{"a":281}}},{"p":{"audiences":{"a":"s"},"forwardOriginalToken":"b","fromCookies":{"a":"s"},"fromHeaders":{"a":1547},"fromParams":{"a":"s"},"issuer":"s","jwks":"s","jwks_uri":"s","jwksUri":"s","outputClaimToHeaders":{"a":1548},"outputPayloadToHeader":"s","spaceDelimitedClaims":{"a":"s"},"timeout":"s"}},{"p":{"name":"s","prefix":"s"},"r":["name"]},{"p":{"claim":"s","header":"s"},"r":["claim","header"]},{"p":{"spec":"*","status":"*","apiVersion":{"e":["security.istio.io/v1beta1"]},"kind":{"e":["AuthorizationPolicy"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1542,"status":"*","apiVersion":{"e":["security.istio.io/v1beta1"]},"kind":{"e":["PeerAuthentication"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"spec":1545,"status":"*","apiVersion":{"e":["security.istio.io/v1beta1"]},"kind":{"e":["RequestAuthentication"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["serving.knative.dev/v1"]},"kind":{"e":["Configuration"]},"metadata":1,"spec":1553,"status":"*"},"r":["apiVersion","kind"]},{"p":{"template":1554}},{"p":{"metadata":1,"spec":1555}},{"p":{"containerConcurrency":"n","idleTimeoutSeconds":"n","responseStartTimeoutSeconds":"n","timeoutSeconds":"n","activeDeadlineSeconds":"n","affinity":28,"automountServiceAccountToken":"b","containers":{"a":110},"dnsConfig":138,"dnsPolicy":{"e":["ClusterFirst","ClusterFirstWithHostNet","Default","None"]},"enableServiceLinks":"b","ephemeralContainers":{"a":140},"hostAliases":{"a":141},"hostIPC":"b","hostNetwork":"b","hostPID":"b","hostUsers":"b","hostname":"s","hostnameOverride":"s","imagePullSecrets":{"a":39},"initContainers":{"a":110},"nodeName":"s","nodeSelector":{"m":"s"},"os":142,"overhead":{"m":"x"},"preemptionPolicy":{"e":["Never","PreemptLowerPriority"]},"priority":"n","priorityClassName":"s","readinessGates":{"a":143},"resourceClaims":{"a":144},"resources":129,"restartPolicy":{"e":["Always","Never","OnFailure"]},"runtimeClassName":"s","schedulerName":"s","schedulingGates":{"a":142},"schedulingGroup":145,"securityContext":146,"serviceAccount":"s","serviceAccountName":"s","setHostnameAsFQDN":"b","shareProcessNamespace":"b","subdomain":"s","terminationGracePeriodSeconds":"n","tolerations":{"a":45},"topologySpreadConstraints":{"a":147},"volumes":{"a":148}},"r":["containers"]},{"p":{"apiVersion":{"e":["serving.knative.dev/v1"]},"kind":{"e":["Revision"]},"metadata":1,"spec":1555,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["serving.knative.dev/v1"]},"kind":{"e":["Route"]},"metadata":1,"spec":1558,"status":"*"},"r":["apiVersion","kind"]},{"p":{"traffic":{"a":1559}}},{"p":{"configurationName":"s","latestRevision":"b","percent":"n","revisionName":"s","tag":"s","url":"s"}},{"p":{"apiVersion":{"e":["serving.knative.dev/v1"]},"kind":{"e":["Service"]},"metadata":1,"spec":1561,"status":"*"},"r":["apiVersion","kind"]},{"p":{"template":1554,"traffic":{"a":1559}}},{"p":{"apiVersion":{"e":["serving.knative.dev/v1beta1"]},"kind":{"e":["DomainMapping"]},"metadata":1,"spec":1563,"status":"*"},"r":["apiVersion","kind"]},{"p":{"ref":621,"tls":1564},"r":["ref"]},{"p":{"secretName":"s"},"r":["secretName"]},{"p":{"apiVersion":{"e":["sinks.knative.dev/v1alpha1"]},"kind":{"e":["IntegrationSink"]},"metadata":1,"spec":1566,"status":"*"},"r":["apiVersion","kind"]},{"p":{"aws":1567,"log":1573}},{"p":{"auth":1568,"s3":1570,"sns":1571,"sqs":1572}},{"p":{"accessKey":"s","secret":1569,"secretKey":"s","serviceAccountName":"s"}},{"p":{"ref":142}},{"p":{"arn":"s","autoCreateBucket":"b","delay":"n","deleteAfterRead":"b","destinationBucket":"s","destinationBucketPrefix":"s","destinationBucketSuffix":"s","forcePathStyle":"b","ignoreBody":"b","maxMessagesPerPoll":"n","moveAfterRead":"b","prefix":"s","overrideEndpoint":"b","region":"s","uriEndpointOverride":"s"},"r":["autoCreateBucket","delay","deleteAfterRead","forcePathStyle","ignoreBody","maxMessagesPerPoll","moveAfterRead","overrideEndpoint"]},{"p":{"arn":"s","autoCreateTopic":"b","overrideEndpoint":"b","region":"s","uriEndpointOverride":"s"},"r":["autoCreateTopic","overrideEndpoint"]},{"p":{"arn":"s","autoCreateQueue":"b","delay":"n","deleteAfterRead":"b","greedy":"b","host":"s","maxMessagesPerPoll":"n","protocol":"s","queueURL":"s","visibilityTimeout":"n","waitTimeSeconds":"n","overrideEndpoint":"b","region":"s","uriEndpointOverride":"s"},"r":["autoCreateQueue","delay","deleteAfterRead","greedy","host","maxMessagesPerPoll","protocol","overrideEndpoint"]},{"p":{"level":"s","logMask":"b","loggerName":"s","marker":"s","multiline":"b","showAllProperties":"b","showBody":"b","showBodyType":"b","showCachedStreams":"b","showExchangePattern":"b","showHeaders":"b","showProperties":"b","showStreams":"b"}},{"p":{"apiVersion":{"e":["sinks.knative.dev/v1alpha1"]},"kind":{"e":["JobSink"]},"metadata":1,"spec":1575,"status":"*"},"r":["apiVersion","kind"]},{"p":{"job":559}},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1"]},"kind":{"e":["Bucket"]},"metadata":1,"spec":1577,"status":"*"},"r":["apiVersion","kind"]},{"p":{"bucketName":"s","certSecretRef":142,"endpoint":"s","ignore":"s","insecure":"b","interval":"s","prefix":"s","provider":{"e":["aws","azure","gcp","generic"]},"proxySecretRef":142,"region":"s","secretRef":142,"serviceAccountName":"s","sts":1578,"suspend":"b","timeout":"s"},"r":["bucketName","endpoint","interval"]},{"p":{"certSecretRef":142,"endpoint":"s","provider":{"e":["aws","ldap"]},"secretRef":142},"r":["endpoint","provider"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1"]},"kind":{"e":["ExternalArtifact"]},"metadata":1,"spec":1580,"status":"*"},"r":["apiVersion","kind"]},{"p":{"sourceRef":631}},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1"]},"kind":{"e":["GitRepository"]},"metadata":1,"spec":1582,"status":"*"},"r":["apiVersion","kind"]},{"p":{"ignore":"s","include":{"a":1583},"interval":"s","provider":{"e":["azure","generic","github"]},"proxySecretRef":142,"recurseSubmodules":"b","ref":1048,"secretRef":142,"serviceAccountName":"s","sparseCheckout":{"a":"s"},"suspend":"b","timeout":"s","url":"s","verify":1584},"r":["interval","url"]},{"p":{"fromPath":"s","repository":142,"toPath":"s"},"r":["repository"]},{"p":{"mode":"s","secretRef":142},"r":["secretRef"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1"]},"kind":{"e":["HelmChart"]},"metadata":1,"spec":1586,"status":"*"},"r":["apiVersion","kind"]},{"p":{"chart":"s","ignoreMissingValuesFiles":"b","interval":"s","reconcileStrategy":{"e":["ChartVersion","Revision"]},"sourceRef":1587,"suspend":"b","valuesFiles":{"a":"s"},"verify":1588,"version":"s"},"r":["chart","interval","sourceRef"]},{"p":{"apiVersion":"s","kind":{"e":["Bucket","GitRepository","HelmRepository"]},"name":"s"},"r":["kind","name"]},{"p":{"matchOIDCIdentity":{"a":1589},"provider":{"e":["cosign","notation"]},"secretRef":142},"r":["provider"]},{"p":{"issuer":"s","subject":"s"},"r":["issuer","subject"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1"]},"kind":{"e":["HelmRepository"]},"metadata":1,"spec":1591,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"certSecretRef":142,"insecure":"b","interval":"s","passCredentials":"b","provider":{"e":["aws","azure","gcp","generic"]},"secretRef":142,"suspend":"b","timeout":"s","type":{"e":["default","oci"]},"url":"s"},"r":["url"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1"]},"kind":{"e":["OCIRepository"]},"metadata":1,"spec":1593,"status":"*"},"r":["apiVersion","kind"]},{"p":{"certSecretRef":142,"ignore":"s","insecure":"b","interval":"s","layerSelector":1594,"provider":{"e":["aws","azure","gcp","generic"]},"proxySecretRef":142,"ref":1595,"secretRef":142,"serviceAccountName":"s","suspend":"b","timeout":"s","url":"s","verify":1588},"r":["interval","url"]},{"p":{"mediaType":"s","operation":{"e":["copy","extract"]}}},{"p":{"digest":"s","semver":"s","semverFilter":"s","tag":"s"}},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["Bucket"]},"metadata":1,"spec":1597,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"bucketName":"s","endpoint":"s","ignore":"s","insecure":"b","interval":"s","provider":{"e":["aws","gcp","generic"]},"region":"s","secretRef":142,"suspend":"b","timeout":"s"},"r":["bucketName","endpoint","interval"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["GitRepository"]},"metadata":1,"spec":1599,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"gitImplementation":{"e":["go-git","libgit2"]},"ignore":"s","include":{"a":1583},"interval":"s","recurseSubmodules":"b","ref":1600,"secretRef":142,"suspend":"b","timeout":"s","url":"s","verify":1601},"r":["interval","url"]},{"p":{"branch":"s","commit":"s","semver":"s","tag":"s"}},{"p":{"mode":{"e":["head"]},"secretRef":142},"r":["mode"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["HelmChart"]},"metadata":1,"spec":1603,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"chart":"s","interval":"s","reconcileStrategy":{"e":["ChartVersion","Revision"]},"sourceRef":1587,"suspend":"b","valuesFile":"s","valuesFiles":{"a":"s"},"version":"s"},"r":["chart","interval","sourceRef"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta1"]},"kind":{"e":["HelmRepository"]},"metadata":1,"spec":1605,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"interval":"s","passCredentials":"b","secretRef":142,"suspend":"b","timeout":"s","url":"s"},"r":["interval","url"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["Bucket"]},"metadata":1,"spec":1607,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"bucketName":"s","certSecretRef":142,"endpoint":"s","ignore":"s","insecure":"b","interval":"s","prefix":"s","provider":{"e":["aws","azure","gcp","generic"]},"proxySecretRef":142,"region":"s","secretRef":142,"sts":1578,"suspend":"b","timeout":"s"},"r":["bucketName","endpoint","interval"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["GitRepository"]},"metadata":1,"spec":1609,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"gitImplementation":{"e":["go-git","libgit2"]},"ignore":"s","include":{"a":1583},"interval":"s","recurseSubmodules":"b","ref":1048,"secretRef":142,"suspend":"b","timeout":"s","url":"s","verify":1610},"r":["interval","url"]},{"p":{"mode":{"e":["head"]},"secretRef":142},"r":["mode","secretRef"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["HelmChart"]},"metadata":1,"spec":1612,"status":"*"},"r":["apiVersion","kind"]},{"p":{"accessFrom":1043,"chart":"s","ignoreMissingValuesFiles":"b","interval":"s","reconcileStrategy":{"e":["ChartVersion","Revision"]},"sourceRef":1587,"suspend":"b","valuesFile":"s","valuesFiles":{"a":"s"},"verify":1588,"version":"s"},"r":["chart","interval","sourceRef"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["HelmRepository"]},"metadata":1,"spec":1591,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["source.toolkit.fluxcd.io/v1beta2"]},"kind":{"e":["OCIRepository"]},"metadata":1,"spec":1593,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["sources.knative.dev/v1"]},"kind":{"e":["ApiServerSource"]},"metadata":1,"spec":1616,"status":"*"},"r":["apiVersion","kind"]},{"p":{"filters":{"a":627},"mode":"s","namespaceSelector":37,"owner":1617,"resources":{"a":1618},"serviceAccountName":"s","ceOverrides":1619,"sink":623},"r":["resources"]},{"p":{"apiVersion":"s","kind":"s"},"r":["apiVersion","kind"]},{"p":{"apiVersion":"s","kind":"s","selector":37},"r":["apiVersion","kind"]},{"p":{"extensions":{"m":"s"}}},{"p":{"apiVersion":{"e":["sources.knative.dev/v1"]},"kind":{"e":["ContainerSource"]},"metadata":1,"spec":1621,"status":"*"},"r":["apiVersion","kind"]},{"p":{"template":108,"ceOverrides":1619,"sink":623},"r":["template"]},{"p":{"apiVersion":{"e":["sources.knative.dev/v1"]},"kind":{"e":["PingSource"]},"metadata":1,"spec":1623,"status":"*"},"r":["apiVersion","kind"]},{"p":{"contentType":"s","data":"s","dataBase64":"s","schedule":"s","timezone":"s","ceOverrides":1619,"sink":623}},{"p":{"apiVersion":{"e":["sources.knative.dev/v1"]},"kind":{"e":["SinkBinding"]},"metadata":1,"spec":1625,"status":"*"},"r":["apiVersion","kind","spec","status"]},{"p":{"ceOverrides":1619,"sink":623,"subject":1626},"r":["subject"]},{"p":{"apiVersion":"s","kind":"s","name":"s","namespace":"s","selector":37}},{"p":{"apiVersion":{"e":["sources.knative.dev/v1alpha1"]},"kind":{"e":["IntegrationSource"]},"metadata":1,"spec":1628,"status":"*"},"r":["apiVersion","kind"]},{"p":{"aws":1629,"template":108,"timer":1631,"ceOverrides":1619,"sink":623}},{"p":{"auth":1568,"ddbStreams":1630,"s3":1570,"sqs":1572}},{"p":{"delay":"n","streamIteratorType":"s","table":"s","overrideEndpoint":"b","region":"s","uriEndpointOverride":"s"},"r":["overrideEndpoint"]},{"p":{"contentType":"s","message":"s","period":"n","repeatCount":"n"},"r":["contentType","message","period"]},{"p":{"apiVersion":{"e":["sources.knative.dev/v1beta2"]},"kind":{"e":["PingSource"]},"metadata":1,"spec":1623,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["storage.k8s.io/v1"]},"kind":{"e":["CSIDriver"]},"metadata":1,"spec":1634},"r":["apiVersion","kind","spec"]},{"p":{"attachRequired":"b","fsGroupPolicy":"s","nodeAllocatableUpdatePeriodSeconds":"n","podInfoOnMount":"b","preventPodSchedulingIfMissing":"b","requiresRepublish":"b","seLinuxMount":"b","serviceAccountTokenInSecrets":"b","storageCapacity":"b","tokenRequests":{"a":1635},"volumeLifecycleModes":{"a":"s"}}},{"p":{"audience":"s","expirationSeconds":"n"},"r":["audience"]},{"p":{"apiVersion":{"e":["storage.k8s.io/v1"]},"kind":{"e":["CSINode"]},"metadata":1,"spec":1637},"r":["apiVersion","kind","spec"]},{"p":{"drivers":{"a":1638}},"r":["drivers"]},{"p":{"allocatable":1639,"name":"s","nodeID":"s","topologyKeys":{"a":"s"}},"r":["name","nodeID"]},{"p":{"count":"n"}},{"p":{"apiVersion":{"e":["storage.k8s.io/v1"]},"capacity":"x","kind":{"e":["CSIStorageCapacity"]},"maximumVolumeSize":"x","metadata":1,"nodeTopology":37,"storageClassName":"s"},"r":["apiVersion","kind","storageClassName"]},{"p":{"allowVolumeExpansion":"b","allowedTopologies":{"a":1642},"apiVersion":{"e":["storage.k8s.io/v1"]},"kind":{"e":["StorageClass"]},"metadata":1,"mountOptions":{"a":"s"},"parameters":{"m":"s"},"provisioner":"s","reclaimPolicy":{"e":["Delete","Recycle","Retain"]},"volumeBindingMode":{"e":["Immediate","WaitForFirstConsumer"]}},"r":["apiVersion","kind","provisioner"]},{"p":{"matchLabelExpressions":{"a":1643}}},{"p":{"key":"s","values":{"a":"s"}},"r":["key","values"]},{"p":{"apiVersion":{"e":["storage.k8s.io/v1"]},"kind":{"e":["VolumeAttachment"]},"metadata":1,"spec":1645,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"attacher":"s","nodeName":"s","source":1646},"r":["attacher","nodeName","source"]},{"p":{"inlineVolumeSpec":1647,"persistentVolumeName":"s"}},{"p":{"accessModes":{"a":{"e":["ReadOnlyMany","ReadWriteMany","ReadWriteOnce","ReadWriteOncePod"]}},"awsElasticBlockStore":149,"azureDisk":150,"azureFile":1648,"capacity":{"m":"x"},"cephfs":1649,"cinder":1650,"claimRef":605,"csi":1651,"fc":165,"flexVolume":1652,"flocker":167,"gcePersistentDisk":168,"glusterfs":1653,"hostPath":171,"iscsi":1654,"local":1655,"mountOptions":{"a":"s"},"nfs":174,"nodeAffinity":1656,"persistentVolumeReclaimPolicy":{"e":["Delete","Recycle","Retain"]},"photonPersistentDisk":176,"portworxVolume":177,"quobyte":185,"rbd":1657,"scaleIO":1658,"storageClassName":"s","storageos":1659,"volumeAttributesClassName":"s","volumeMode":{"e":["Block","Filesystem"]},"vsphereVolume":190}},{"p":{"readOnly":"b","secretName":"s","secretNamespace":"s","shareName":"s"},"r":["secretName","shareName"]},{"p":{"monitors":{"a":"s"},"path":"s","readOnly":"b","secretFile":"s","secretRef":1367,"user":"s"},"r":["monitors"]},{"p":{"fsType":"s","readOnly":"b","secretRef":1367,"volumeID":"s"},"r":["volumeID"]},{"p":{"controllerExpandSecretRef":1367,"controllerPublishSecretRef":1367,"driver":"s","fsType":"s","nodeExpandSecretRef":1367,"nodePublishSecretRef":1367,"nodeStageSecretRef":1367,"readOnly":"b","volumeAttributes":{"m":"s"},"volumeHandle":"s"},"r":["driver","volumeHandle"]},{"p":{"driver":"s","fsType":"s","options":{"m":"s"},"readOnly":"b","secretRef":1367},"r":["driver"]},{"p":{"endpoints":"s","endpointsNamespace":"s","path":"s","readOnly":"b"},"r":["endpoints","path"]},{"p":{"chapAuthDiscovery":"b","chapAuthSession":"b","fsType":"s","initiatorName":"s","iqn":"s","iscsiInterface":"s","lun":"n","portals":{"a":"s"},"readOnly":"b","secretRef":1367,"targetPortal":"s"},"r":["iqn","lun","targetPortal"]},{"p":{"fsType":"s","path":"s"},"r":["path"]},{"p":{"required":33}},{"p":{"fsType":"s","image":"s","keyring":"s","monitors":{"a":"s"},"pool":"s","readOnly":"b","secretRef":1367,"user":"s"},"r":["image","monitors"]},{"p":{"fsType":"s","gateway":"s","protectionDomain":"s","readOnly":"b","secretRef":1367,"sslEnabled":"b","storageMode":"s","storagePool":"s","system":"s","volumeName":"s"},"r":["gateway","secretRef","system"]},{"p":{"fsType":"s","readOnly":"b","secretRef":605,"volumeName":"s","volumeNamespace":"s"}},{"p":{"apiVersion":{"e":["storage.k8s.io/v1"]},"driverName":"s","kind":{"e":["VolumeAttributesClass"]},"metadata":1,"parameters":{"m":"s"}},"r":["apiVersion","driverName","kind"]},{"p":{"apiVersion":{"e":["storage.k8s.io/v1beta1"]},"kind":{"e":["CSIDriver"]},"metadata":1,"spec":1662},"r":["apiVersion","kind","spec"]},{"p":{"attachRequired":"b","fsGroupPolicy":"s","podInfoOnMount":"b","requiresRepublish":"b","storageCapacity":"b","tokenRequests":{"a":1635},"volumeLifecycleModes":{"a":"s"}}},{"p":{"apiVersion":{"e":["storage.k8s.io/v1beta1"]},"kind":{"e":["CSINode"]},"metadata":1,"spec":1637},"r":["apiVersion","kind","spec"]},{"p":{"apiVersion":{"e":["storage.k8s.io/v1beta1"]},"capacity":"x","kind":{"e":["CSIStorageCapacity"]},"maximumVolumeSize":"x","metadata":1,"nodeTopology":37,"storageClassName":"s"},"r":["apiVersion","kind","storageClassName"]},{"p":{"allowVolumeExpansion":"b","allowedTopologies":{"a":1642},"apiVersion":{"e":["storage.k8s.io/v1beta1"]},"kind":{"e":["StorageClass"]},"metadata":1,"mountOptions":{"a":"s"},"parameters":{"m":"s"},"provisioner":"s","reclaimPolicy":"s","volumeBindingMode":"s"},"r":["apiVersion","kind","provisioner"]},{"p":{"apiVersion":{"e":["storage.k8s.io/v1beta1"]},"kind":{"e":["VolumeAttachment"]},"metadata":1,"spec":1645,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"spec":1668,"status":"*","apiVersion":{"e":["telemetry.istio.io/v1"]},"kind":{"e":["Telemetry"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"accessLogging":{"a":1669},"metrics":{"a":1671},"selector":653,"targetRef":281,"targetRefs":{"a":281},"tracing":{"a":1674}}},{"p":{"disabled":"b","filter":57,"match":1670,"providers":{"a":142}}},{"p":{"mode":{"e":["CLIENT","CLIENT_AND_SERVER","SERVER"]}}},{"p":{"overrides":{"a":1672},"providers":{"a":142},"reportingInterval":"s"}},{"p":{"disabled":"b","match":"*","tagOverrides":{"m":1673}}},{"p":{"operation":{"e":["REMOVE","UPSERT"]},"value":"s"}},{"p":{"customTags":{"m":"*"},"disableSpanReporting":"b","enableIstioTags":"b","match":1670,"providers":{"a":142},"randomSamplingPercentage":"n","useRequestIdForTraceSampling":"b"}},{"p":{"spec":1668,"status":"*","apiVersion":{"e":["telemetry.istio.io/v1alpha1"]},"kind":{"e":["Telemetry"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["IngressRoute"]},"metadata":1,"spec":1677},"r":["apiVersion","kind","metadata","spec"]},{"p":{"entryPoints":{"a":"s"},"ingressClassName":"s","parentRefs":{"a":1021},"routes":{"a":1678},"tls":1686},"r":["routes"]},{"p":{"kind":{"e":["Rule"]},"match":"s","middlewares":{"a":1021},"observability":1679,"priority":"n","services":{"a":1680},"syntax":"s"},"r":["match"]},{"p":{"accessLogs":"b","metrics":"b","traceVerbosity":"s","tracing":"b"}},{"p":{"healthCheck":1681,"kind":{"e":["Service","TraefikService"]},"middlewares":{"a":1021},"name":"s","namespace":"s","nativeLB":"b","nodePortLB":"b","passHostHeader":"b","passiveHealthCheck":1682,"port":"x","responseForwarding":1683,"scheme":"s","serversTransport":"s","sticky":1684,"strategy":"s","weight":"n"},"r":["name"]},{"p":{"followRedirects":"b","headers":{"m":"s"},"hostname":"s","interval":"x","method":"s","mode":"s","path":"s","port":"n","scheme":"s","status":"n","timeout":"x","unhealthyInterval":"x"}},{"p":{"failureWindow":"x","maxFailedAttempts":"n"}},{"p":{"flushInterval":"s"}},{"p":{"cookie":1685}},{"p":{"domain":"s","httpOnly":"b","maxAge":"n","name":"s","path":"s","sameSite":{"e":["Lax","None","Strict","lax","none","strict"]},"secure":"b"}},{"p":{"certResolver":"s","domains":{"a":1687},"options":1021,"secretName":"s","store":1021}},{"p":{"main":"s","sans":{"a":"s"}}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["IngressRouteTCP"]},"metadata":1,"spec":1689},"r":["apiVersion","kind","metadata","spec"]},{"p":{"entryPoints":{"a":"s"},"ingressClassName":"s","routes":{"a":1690},"tls":1693},"r":["routes"]},{"p":{"match":"s","middlewares":{"a":1021},"priority":"n","services":{"a":1691},"syntax":{"e":["v2","v3"]}},"r":["match"]},{"p":{"name":"s","namespace":"s","nativeLB":"b","nodePortLB":"b","port":"x","proxyProtocol":1692,"serversTransport":"s","terminationDelay":"n","tls":"b","weight":"n"},"r":["name","port"]},{"p":{"version":"n"}},{"p":{"certResolver":"s","domains":{"a":1687},"options":1021,"passthrough":"b","secretName":"s","store":1021}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["IngressRouteUDP"]},"metadata":1,"spec":1695},"r":["apiVersion","kind","metadata","spec"]},{"p":{"entryPoints":{"a":"s"},"ingressClassName":"s","routes":{"a":1696}},"r":["routes"]},{"p":{"services":{"a":1697}}},{"p":{"name":"s","namespace":"s","nativeLB":"b","nodePortLB":"b","port":"x","weight":"n"},"r":["name","port"]},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["Middleware"]},"metadata":1,"spec":1699},"r":["apiVersion","kind","metadata","spec"]},{"p":{"addPrefix":1700,"basicAuth":1701,"buffering":1702,"chain":1703,"circuitBreaker":1704,"compress":1705,"contentType":1706,"digestAuth":1701,"encodedCharacters":1707,"errors":1708,"forwardAuth":1709,"grpcWeb":1711,"headers":1712,"inFlightReq":1713,"ipAllowList":1716,"ipWhiteList":1717,"passTLSClientCert":1718,"plugin":{"m":"*"},"rateLimit":1722,"redirectRegex":1725,"redirectScheme":1726,"replacePath":1727,"replacePathRegex":1728,"retry":1729,"stripPrefix":1730,"stripPrefixRegex":1731}},{"p":{"prefix":"s"}},{"p":{"headerField":"s","realm":"s","removeHeader":"b","secret":"s"}},{"p":{"maxRequestBodyBytes":"n","maxResponseBodyBytes":"n","memRequestBodyBytes":"n","memResponseBodyBytes":"n","retryExpression":"s"}},{"p":{"middlewares":{"a":1021}}},{"p":{"checkPeriod":"x","expression":"s","fallbackDuration":"x","recoveryDuration":"x","responseCode":"n"}},{"p":{"defaultEncoding":"s","encodings":{"a":"s"},"excludedContentTypes":{"a":"s"},"includedContentTypes":{"a":"s"},"minResponseBodyBytes":"n"}},{"p":{"autoDetect":"b"}},{"p":{"allowEncodedBackSlash":"b","allowEncodedHash":"b","allowEncodedNullCharacter":"b","allowEncodedPercent":"b","allowEncodedQuestionMark":"b","allowEncodedSemicolon":"b","allowEncodedSlash":"b"}},{"p":{"query":"s","service":1680,"status":{"a":"s"},"statusRewrites":{"m":"n"}}},{"p":{"addAuthCookiesToResponse":{"a":"s"},"address":"s","authRequestHeaders":{"a":"s"},"authResponseHeaders":{"a":"s"},"authResponseHeadersRegex":"s","authSigninURL":"s","forwardBody":"b","headerField":"s","maxBodySize":"n","maxResponseBodySize":"n","preserveLocationHeader":"b","preserveRequestMethod":"b","tls":1710,"trustForwardHeader":"b"}},{"p":{"caOptional":"b","caSecret":"s","certSecret":"s","insecureSkipVerify":"b"}},{"p":{"allowOrigins":{"a":"s"}}},{"p":{"accessControlAllowCredentials":"b","accessControlAllowHeaders":{"a":"s"},"accessControlAllowMethods":{"a":"s"},"accessControlAllowOriginList":{"a":"s"},"accessControlAllowOriginListRegex":{"a":"s"},"accessControlExposeHeaders":{"a":"s"},"accessControlMaxAge":"n","addVaryHeader":"b","allowedHosts":{"a":"s"},"browserXssFilter":"b","contentSecurityPolicy":"s","contentSecurityPolicyReportOnly":"s","contentTypeNosniff":"b","customBrowserXSSValue":"s","customFrameOptionsValue":"s","customRequestHeaders":{"m":"s"},"customResponseHeaders":{"m":"s"},"featurePolicy":"s","forceSTSHeader":"b","frameDeny":"b","hostsProxyHeaders":{"a":"s"},"isDevelopment":"b","permissionsPolicy":"s","publicKey":"s","referrerPolicy":"s","sslForceHost":"b","sslHost":"s","sslProxyHeaders":{"m":"s"},"sslRedirect":"b","sslTemporaryRedirect":"b","stsIncludeSubdomains":"b","stsPreload":"b","stsSeconds":"n"}},{"p":{"amount":"n","sourceCriterion":1714}},{"p":{"ipStrategy":1715,"requestHeaderName":"s","requestHost":"b"}},{"p":{"depth":"n","excludedIPs":{"a":"s"},"ipv6Subnet":"n"}},{"p":{"ipStrategy":1715,"rejectStatusCode":"n","sourceRange":{"a":"s"}}},{"p":{"ipStrategy":1715,"sourceRange":{"a":"s"}}},{"p":{"info":1719,"pem":"b"}},{"p":{"issuer":1720,"notAfter":"b","notBefore":"b","sans":"b","serialNumber":"b","subject":1721}},{"p":{"commonName":"b","country":"b","domainComponent":"b","locality":"b","organization":"b","province":"b","serialNumber":"b"}},{"p":{"commonName":"b","country":"b","domainComponent":"b","locality":"b","organization":"b","organizationalUnit":"b","province":"b","serialNumber":"b"}},{"p":{"average":"n","burst":"n","period":"x","redis":1723,"sourceCriterion":1714}},{"p":{"db":"n","dialTimeout":"x","endpoints":{"a":"s"},"maxActiveConns":"n","minIdleConns":"n","poolSize":"n","readTimeout":"x","secret":"s","tls":1724,"writeTimeout":"x"}},{"p":{"caSecret":"s","certSecret":"s","insecureSkipVerify":"b"}},{"p":{"permanent":"b","regex":"s","replacement":"s"}},{"p":{"permanent":"b","port":"s","scheme":"s"}},{"p":{"path":"s"}},{"p":{"regex":"s","replacement":"s"}},{"p":{"attempts":"n","disableRetryOnNetworkError":"b","initialInterval":"x","maxRequestBodyBytes":"n","retryNonIdempotentMethod":"b","status":{"a":"s"},"timeout":"x"}},{"p":{"forceSlash":"b","prefixes":{"a":"s"}}},{"p":{"regex":{"a":"s"}}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["MiddlewareTCP"]},"metadata":1,"spec":1733},"r":["apiVersion","kind","metadata","spec"]},{"p":{"inFlightConn":1734,"ipAllowList":1735,"ipWhiteList":1735}},{"p":{"amount":"n"}},{"p":{"sourceRange":{"a":"s"}}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["ServersTransport"]},"metadata":1,"spec":1737},"r":["apiVersion","kind","metadata","spec"]},{"p":{"certificatesSecrets":{"a":"s"},"cipherSuites":{"a":"s"},"disableHTTP2":"b","forwardingTimeouts":1738,"insecureSkipVerify":"b","maxIdleConnsPerHost":"n","maxVersion":"s","minVersion":"s","peerCertURI":"s","rootCAs":{"a":1739},"rootCAsSecrets":{"a":"s"},"serverName":"s","spiffe":1740}},{"p":{"dialTimeout":"x","idleConnTimeout":"x","pingTimeout":"x","readIdleTimeout":"x","responseHeaderTimeout":"x"}},{"p":{"configMap":"s","secret":"s"}},{"p":{"ids":{"a":"s"},"trustDomain":"s"}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["ServersTransportTCP"]},"metadata":1,"spec":1742},"r":["apiVersion","kind","metadata","spec"]},{"p":{"dialKeepAlive":"x","dialTimeout":"x","proxyProtocol":1692,"terminationDelay":"x","tls":1743}},{"p":{"certificatesSecrets":{"a":"s"},"insecureSkipVerify":"b","peerCertURI":"s","rootCAs":{"a":1739},"rootCAsSecrets":{"a":"s"},"serverName":"s","spiffe":1740}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["TLSOption"]},"metadata":1,"spec":1745},"r":["apiVersion","kind","metadata","spec"]},{"p":{"alpnProtocols":{"a":"s"},"cipherSuites":{"a":"s"},"clientAuth":1746,"curvePreferences":{"a":"s"},"disableSessionTickets":"b","maxVersion":"s","minVersion":"s","preferServerCipherSuites":"b","sniStrict":"b"}},{"p":{"clientAuthType":{"e":["NoClientCert","RequestClientCert","RequireAndVerifyClientCert","RequireAnyClientCert","VerifyClientCertIfGiven"]},"secretNames":{"a":"s"}}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["TLSStore"]},"metadata":1,"spec":1748},"r":["apiVersion","kind","metadata","spec"]},{"p":{"certificates":{"a":1564},"defaultCertificate":1564,"defaultGeneratedCert":1749}},{"p":{"domain":1687,"resolver":"s"}},{"p":{"apiVersion":{"e":["traefik.io/v1alpha1"]},"kind":{"e":["TraefikService"]},"metadata":1,"spec":1751},"r":["apiVersion","kind","metadata","spec"]},{"p":{"failover":1752,"highestRandomWeight":1754,"mirroring":1755,"weighted":1757}},{"p":{"errors":1753,"fallback":1680,"service":1680},"r":["errors","fallback","service"]},{"p":{"maxRequestBodyBytes":"n","status":{"a":"s"}}},{"p":{"services":{"a":1680}}},{"p":{"maxBodySize":"n","mirrorBody":"b","mirrors":{"a":1756},"healthCheck":1681,"kind":{"e":["Service","TraefikService"]},"middlewares":{"a":1021},"name":"s","namespace":"s","nativeLB":"b","nodePortLB":"b","passHostHeader":"b","passiveHealthCheck":1682,"port":"x","responseForwarding":1683,"scheme":"s","serversTransport":"s","sticky":1684,"strategy":"s","weight":"n"},"r":["name"]},{"p":{"percent":"n","healthCheck":1681,"kind":{"e":["Service","TraefikService"]},"middlewares":{"a":1021},"name":"s","namespace":"s","nativeLB":"b","nodePortLB":"b","passHostHeader":"b","passiveHealthCheck":1682,"port":"x","responseForwarding":1683,"scheme":"s","serversTransport":"s","sticky":1684,"strategy":"s","weight":"n"},"r":["name"]},{"p":{"services":{"a":1680},"sticky":1684}},{"p":{"apiVersion":{"e":["trust-manager.io/v1alpha2"]},"kind":{"e":["ClusterBundle"]},"metadata":1,"spec":1759,"status":"*"},"r":["apiVersion","kind"]},{"p":{"defaultCAs":1760,"inLineCAs":"s","sourceRefs":{"a":1761},"target":1762}},{"p":{"provider":{"e":["Disabled","System"]}},"r":["provider"]},{"p":{"key":"s","kind":{"e":["ConfigMap","Secret"]},"name":"s","selector":37},"r":["key","kind"]},{"p":{"configMap":1763,"namespaceSelector":37,"secret":1763},"r":["namespaceSelector"]},{"p":{"data":{"a":1764},"metadata":26},"r":["data"]},{"p":{"format":{"e":["PEM","PKCS12"]},"key":"s","password":"s","profile":{"e":["LegacyDES","LegacyRC2","Modern2023"]}},"r":["key"]},{"p":{"apiVersion":{"e":["trust.cert-manager.io/v1alpha1"]},"kind":{"e":["Bundle"]},"metadata":1,"spec":1766,"status":"*"},"r":["apiVersion","kind","spec"]},{"p":{"sources":{"a":1767},"target":1769},"r":["sources"]},{"p":{"configMap":1768,"inLine":"s","secret":1768,"useDefaultCAs":"b"}},{"p":{"includeAllKeys":"b","key":"s","name":"s","selector":37}},{"p":{"additionalFormats":1770,"configMap":1773,"namespaceSelector":37,"secret":1773}},{"p":{"jks":1771,"pkcs12":1772}},{"p":{"password":"s","key":"s"},"r":["key"]},{"p":{"password":"s","profile":{"e":["LegacyDES","LegacyRC2","Modern2023"]},"key":"s"},"r":["key"]},{"p":{"key":"s","metadata":26},"r":["key"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["Binding"]},"metadata":1,"target":605},"r":["apiVersion","kind","target"]},{"p":{"apiVersion":{"e":["v1"]},"conditions":{"a":1776},"kind":{"e":["ComponentStatus"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"error":"s","message":"s","status":"s","type":"s"},"r":["status","type"]},{"p":{"apiVersion":{"e":["v1"]},"binaryData":{"m":"s"},"data":{"m":"s"},"immutable":"b","kind":{"e":["ConfigMap"]},"metadata":1},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["Endpoints"]},"metadata":1,"subsets":{"a":1779}},"r":["apiVersion","kind"]},{"p":{"addresses":{"a":1780},"notReadyAddresses":{"a":1780},"ports":{"a":1781}}},{"p":{"hostname":"s","ip":"s","nodeName":"s","targetRef":605},"r":["ip"]},{"p":{"appProtocol":"s","name":"s","port":"n","protocol":{"e":["SCTP","TCP","UDP"]}},"r":["port"]},{"p":{"action":"s","apiVersion":{"e":["v1"]},"count":"n","eventTime":"s","firstTimestamp":"s","involvedObject":605,"kind":{"e":["Event"]},"lastTimestamp":"s","message":"s","metadata":1,"reason":"s","related":605,"reportingComponent":"s","reportingInstance":"s","series":1783,"source":646,"type":"s"},"r":["apiVersion","involvedObject","kind","metadata"]},{"p":{"count":"n","lastObservedTime":"s"}},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["LimitRange"]},"metadata":1,"spec":1785},"r":["apiVersion","kind"]},{"p":{"limits":{"a":1786}},"r":["limits"]},{"p":{"default":{"m":"x"},"defaultRequest":{"m":"x"},"max":{"m":"x"},"maxLimitRequestRatio":{"m":"x"},"min":{"m":"x"},"type":"s"},"r":["type"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["Namespace"]},"metadata":1,"spec":1788,"status":"*"},"r":["apiVersion","kind"]},{"p":{"finalizers":{"a":"s"}}},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["Node"]},"metadata":1,"spec":1790,"status":"*"},"r":["apiVersion","kind"]},{"p":{"configSource":1791,"externalID":"s","podCIDR":"s","podCIDRs":{"a":"s"},"providerID":"s","taints":{"a":1084},"unschedulable":"b"}},{"p":{"configMap":1792}},{"p":{"kubeletConfigKey":"s","name":"s","namespace":"s","resourceVersion":"s","uid":"s"},"r":["kubeletConfigKey","name","namespace"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["PersistentVolume"]},"metadata":1,"spec":1647,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["Pod"]},"metadata":1,"spec":109,"status":"*"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["PodTemplate"]},"metadata":1,"template":108},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["ReplicationController"]},"metadata":1,"spec":1797,"status":"*"},"r":["apiVersion","kind"]},{"p":{"minReadySeconds":"n","replicas":"n","selector":{"m":"s"},"template":108}},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["ResourceQuota"]},"metadata":1,"spec":1799,"status":"*"},"r":["apiVersion","kind"]},{"p":{"hard":{"m":"x"},"scopeSelector":1800,"scopes":{"a":{"e":["BestEffort","CrossNamespacePodAffinity","NotBestEffort","NotTerminating","PriorityClass","Terminating","VolumeAttributesClass"]}}}},{"p":{"matchExpressions":{"a":1801}}},{"p":{"operator":{"e":["DoesNotExist","Exists","In","NotIn"]},"scopeName":{"e":["BestEffort","CrossNamespacePodAffinity","NotBestEffort","NotTerminating","PriorityClass","Terminating","VolumeAttributesClass"]},"values":{"a":"s"}},"r":["operator","scopeName"]},{"p":{"apiVersion":{"e":["v1"]},"data":{"m":"s"},"immutable":"b","kind":{"e":["Secret"]},"metadata":1,"stringData":{"m":"s"},"type":"s"},"r":["apiVersion","kind"]},{"p":{"apiVersion":{"e":["v1"]},"kind":{"e":["Service"]},"metadata":1,"spec":1804,"status":"*"},"r":["apiVersion","kind"]},{"p":{"allocateLoadBalancerNodePorts":"b","clusterIP":"s","clusterIPs":{"a":"s"},"externalIPs":{"a":"s"},"externalName":"s","externalTrafficPolicy":{"e":["Cluster","Local"]},"healthCheckNodePort":"n","internalTrafficPolicy":{"e":["Cluster","Local"]},"ipFamilies":{"a":{"e":["","IPv4","IPv6"]}},"ipFamilyPolicy":{"e":["PreferDualStack","RequireDualStack","SingleStack"]},"loadBalancerClass":"s","loadBalancerIP":"s","loadBalancerSourceRanges":{"a":"s"},"ports":{"a":1805},"publishNotReadyAddresses":"b","selector":{"m":"s"},"sessionAffinity":{"e":["ClientIP","None"]},"sessionAffinityConfig":1806,"trafficDistribution":"s","type":{"e":["ClusterIP","ExternalName","LoadBalancer","NodePort"]}}},{"p":{"appProtocol":"s","name":"s","nodePort":"n","port":"n","protocol":{"e":["SCTP","TCP","UDP"]},"targetPort":"x"},"r":["port"]},{"p":{"clientIP":1807}},{"p":{"timeoutSeconds":"n"}},{"p":{"apiVersion":{"e":["v1"]},"automountServiceAccountToken":"b","imagePullSecrets":{"a":39},"kind":{"e":["ServiceAccount"]},"metadata":1,"secrets":{"a":605}},"r":["apiVersion","kind"]}]}');
;// CONCATENATED MODULE: ./src/validate/schema.ts

/** API versions Kubernetes itself serves: their kinds are all known, so an unknown one there is a mistake. */
const builtinApiVersions = new Set(kinds_namespaceObject.S2);
class SchemaSet {
    types;
    kinds;
    constructor() {
        this.types = [...kinds_namespaceObject.gK];
        this.kinds = new Map(Object.entries(kinds_namespaceObject.EZ));
    }
    has(apiVersion, kind) {
        return this.kinds.has(`${apiVersion}/${kind}`);
    }
    /** Other API versions of the same group that define `kind` (a CRD version that moved on, or a typo in it). */
    versionsOf(apiVersion, kind) {
        const slash = apiVersion.indexOf("/");
        const group = slash < 0 ? "" : apiVersion.slice(0, slash);
        const out = [];
        for (const key of this.kinds.keys()) {
            const cut = key.lastIndexOf("/");
            if (key.slice(cut + 1) !== kind)
                continue;
            const version = key.slice(0, cut);
            const s = version.indexOf("/");
            if ((s < 0 ? "" : version.slice(0, s)) === group)
                out.push(version);
        }
        return out;
    }
    /** For a built-in API version, its kind spelled nearly like `kind` — `Deploymnet`, `configmap`. */
    closeKind(apiVersion, kind) {
        if (!builtinApiVersions.has(apiVersion))
            return undefined;
        const prefix = `${apiVersion}/`;
        let best;
        for (const key of this.kinds.keys()) {
            if (!key.startsWith(prefix) || key.indexOf("/", prefix.length) >= 0)
                continue;
            const known = key.slice(prefix.length);
            if (known.toLowerCase() === kind.toLowerCase())
                return known;
            if (kind.length >= 5 && editDistance(known, kind) <= 2)
                best ??= known;
        }
        return best;
    }
    /** Registers a kind from a CustomResourceDefinition's openAPIV3Schema; replaces a bundled one of the same name. */
    addOpenApi(apiVersion, kind, schema) {
        this.kinds.set(`${apiVersion}/${kind}`, this.fromOpenApi(schema, true));
    }
    check(object, strict) {
        const root = this.kinds.get(`${object.apiVersion}/${object.kind}`);
        const issues = [];
        if (root === undefined)
            return issues;
        // SOPS keeps its metadata in a top-level `sops` block, which decryption (Flux, ksops, helm-secrets) removes.
        if (schema_isObject(object.sops)) {
            const { sops: _, ...decrypted } = object;
            this.walk(decrypted, root, [], strict, issues);
        }
        else
            this.walk(object, root, [], strict, issues);
        return issues;
    }
    walk(value, ref, path, strict, out) {
        // null means "unset" to the API server (kubectl writes `creationTimestamp: null`).
        if (value === null || value === undefined || ref === "*")
            return;
        if (typeof ref === "number") {
            if (!schema_isObject(value)) {
                mismatch(value, "an object", path, out);
                return;
            }
            const type = this.types[ref];
            for (const key in value) {
                const field = type.p[key];
                if (field === undefined) {
                    if (strict && !type.open)
                        out.push(schema_unknownField(key, type, path));
                    continue;
                }
                path.push(key);
                this.walk(value[key], field, path, strict, out);
                path.pop();
            }
            if (type.r) {
                for (const key of type.r) {
                    if (value[key] === undefined) {
                        out.push({
                            rule: "schema",
                            path: [...path],
                            message: `${where(path, "object")} is missing required field "${key}"`,
                        });
                    }
                }
            }
            return;
        }
        if (typeof ref === "string") {
            if (placeholder(value))
                return;
            switch (ref) {
                case "s":
                    if (typeof value !== "string")
                        mismatch(value, "a string", path, out);
                    return;
                case "n":
                    if (typeof value !== "number")
                        mismatch(value, "a number", path, out);
                    return;
                case "b":
                    if (typeof value !== "boolean")
                        mismatch(value, "true or false", path, out);
                    return;
                case "x":
                    if (typeof value !== "string" && typeof value !== "number")
                        mismatch(value, "a number or a string", path, out);
                    return;
            }
            return;
        }
        if ("a" in ref) {
            if (!Array.isArray(value)) {
                mismatch(value, "a list", path, out);
                return;
            }
            for (let i = 0; i < value.length; i++) {
                path.push(i);
                this.walk(value[i], ref.a, path, strict, out);
                path.pop();
            }
            return;
        }
        if ("m" in ref) {
            if (!schema_isObject(value)) {
                mismatch(value, "a map", path, out);
                return;
            }
            for (const key in value) {
                path.push(key);
                this.walk(value[key], ref.m, path, strict, out);
                path.pop();
            }
            return;
        }
        if (typeof value !== "string") {
            mismatch(value, `one of ${ref.e.join(", ")}`, path, out);
            return;
        }
        if (!ref.e.includes(value) && !placeholder(value)) {
            out.push({
                rule: "schema",
                path: [...path],
                message: `${where(path, "value")} must be one of ${ref.e.map((e) => JSON.stringify(e)).join(", ")}, got ${JSON.stringify(value)}`,
            });
        }
    }
    fromOpenApi(schema, topLevel = false) {
        if (!schema_isObject(schema))
            return "*";
        if (schema["x-kubernetes-int-or-string"] === true)
            return "x";
        if (schema["x-kubernetes-preserve-unknown-fields"] === true && !schema_isObject(schema.properties))
            return "*";
        const type = schema.type;
        if (Array.isArray(schema.enum) && schema.enum.every((e) => typeof e === "string"))
            return { e: schema.enum };
        if (type === "string")
            return "s";
        if (type === "integer" || type === "number")
            return "n";
        if (type === "boolean")
            return "b";
        if (type === "array")
            return { a: this.fromOpenApi(schema.items) };
        if (schema_isObject(schema.properties)) {
            const at = this.types.length;
            const entry = { p: {} };
            this.types.push(entry);
            for (const [key, sub] of Object.entries(schema.properties))
                entry.p[key] = this.fromOpenApi(sub);
            if (topLevel) {
                entry.p.apiVersion ??= "s";
                entry.p.kind ??= "s";
                entry.p.metadata = this.metadataRef();
                if (entry.p.status !== undefined)
                    entry.p.status = "*";
            }
            if (Array.isArray(schema.required))
                entry.r = schema.required.filter((r) => typeof r === "string");
            if (schema["x-kubernetes-preserve-unknown-fields"] === true)
                entry.open = true;
            if (schema_isObject(schema.additionalProperties) || schema.additionalProperties === true)
                entry.open = true;
            return at;
        }
        if (schema_isObject(schema.additionalProperties))
            return { m: this.fromOpenApi(schema.additionalProperties) };
        return "*";
    }
    metadataRef() {
        const configMap = this.types[this.kinds.get("v1/ConfigMap")];
        return configMap.p.metadata;
    }
}
function schema_isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/**
 * Flux post-build substitution (`${VAR}`, `${VAR:=default}`) fills any field type at apply time, and a SOPS value
 * (`ENC[AES256_GCM,data:…,type:int]`) is whatever type it decrypts to; so is a templated value (`{{ … }}`) of an
 * ApplicationSet or an ExternalSecret template.
 */
function placeholder(value) {
    return (typeof value === "string" && (value.includes("${") || value.includes("{{") || value.startsWith("ENC[")));
}
function where(path, what) {
    return path.length ? formatPathShort(path) : `the ${what}`;
}
function formatPathShort(path) {
    let out = "";
    for (const segment of path) {
        if (typeof segment === "number")
            out += `[${segment}]`;
        else
            out += out ? `.${segment}` : segment;
    }
    return out;
}
function describe(value) {
    if (Array.isArray(value))
        return "a list";
    if (schema_isObject(value))
        return "a map";
    return `${typeof value} ${JSON.stringify(value)}`;
}
function mismatch(value, expected, path, out) {
    out.push({
        rule: "schema",
        path: [...path],
        message: `${where(path, "value")} must be ${expected}, got ${describe(value)}`,
    });
}
function schema_unknownField(key, type, path) {
    const known = Object.keys(type.p);
    const close = known.find((k) => k.toLowerCase() === key.toLowerCase()) ?? known.find((k) => editDistance(k, key) <= 2);
    const field = formatPathShort([...path, key]);
    return {
        rule: "unknown-field",
        path: [...path, key],
        message: `unknown field "${field}"${close ? `: did you mean "${close}"?` : ""} (the API server would drop it)`,
    };
}
function editDistance(a, b) {
    if (Math.abs(a.length - b.length) > 2)
        return 3;
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const saved = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
            previous = saved;
        }
    }
    return row[b.length];
}

;// CONCATENATED MODULE: ./src/validate/engine.ts












const defaultKubernetesVersion = "1.33";
const originAnnotation = "config.kubernetes.io/origin";
const unknownKindRule = "unknown-kind";
const kustomizeRemoteRule = "kustomize-remote";
const yamlFile = /\.ya?ml$/i;
/** load → render → schema → rules → findings; the whole check of a config repository. */
async function validateManifests(options, source, renderer) {
    const config = options.config;
    // A rule switched off everywhere is not run at all.
    const rules = (options.rules ?? rules_rules).filter((rule) => config.rules[rule.id] !== "off" || config.overrides.some((o) => (o.rules[rule.id] ?? "off") !== "off"));
    const kubernetesVersion = options.kubernetesVersion ?? config.kubernetesVersion ?? defaultKubernetesVersion;
    parseKubernetesVersion(kubernetesVersion);
    // Unset: unknown fields are errors and kinds without a schema warnings; true: both errors; false: unknown fields
    // are not reported (kinds without a schema stay warnings). An explicit severity under `rules` wins over both.
    const strictness = options.strict ?? config.strict;
    const strict = strictness !== false;
    const defaults = new Map(rules.map((r) => [r.id, r.defaultSeverity]));
    if (strictness === true && defaults.has(unknownKindRule))
        defaults.set(unknownKindRule, "error");
    const settings = new RuleSettings(config, defaults);
    const findings = [];
    const positions = new PositionIndex((file) => source.read(file));
    const schemas = new SchemaSet();
    const parsed = new Map();
    const files = (options.files ?? collectFiles(options.paths, source)).filter((f) => !settings.skipped(f));
    const readText = (file) => source.read(file);
    // Kustomizations: every one under the checked paths, so files they read are checked through them.
    const kustomizations = readKustomizations(files, source);
    const graph = new KustomizationGraph(kustomizations);
    // What a file is (resource, patch, generator input) is decided by every kustomization of the working tree, so
    // a patch checked on its own — a pre-commit hook passing changed files — is still known as a patch.
    const workTree = options.repositoryRoot ?? ".";
    const narrower = options.paths.length > 0 &&
        !options.paths.some((p) => external_node_path_default().posix.normalize(p) === ".") &&
        source.isDir(workTree);
    const members = (narrower
        ? new KustomizationGraph([
            ...kustomizations,
            ...readKustomizations(collectFiles([workTree], source, kustomizationNames).filter((f) => !settings.skipped(f) && !graph.get(external_node_path_default().posix.dirname(f))), source),
        ])
        : graph).memberFiles();
    /**
     * Syntax findings of a file count when the file must be YAML: a kustomization, a resource or patch it reads,
     * or a file that names apiVersion and kind. Broken app config, scripts and other tools' YAML are not findings.
     */
    const mustParse = (file, text) => members.kustomizations.has(file) ||
        members.resources.has(file) ||
        members.patches.has(file) ||
        looksLikeManifest(text);
    const parse = (file) => {
        let docs = parsed.get(file);
        if (!docs) {
            const text = settings.skipped(file) ? undefined : readText(file);
            const result = text === undefined ? { documents: [], findings: [] } : load_parseYamlFile(file, text);
            docs = result.documents;
            parsed.set(file, docs);
            if (result.findings.length && text !== undefined && mustParse(file, text))
                findings.push(...result.findings);
        }
        return docs;
    };
    for (const crd of options.crdFiles ?? [])
        registerCrds(parse(crd), schemas);
    const changed = options.changedFiles ? new Set(options.changedFiles) : undefined;
    // Items of a `kind: List` document are resources of their own, located under `items[i]` of the document.
    const listItems = new WeakMap();
    // Without a renderer, files of kustomizations are checked as they are rather than not at all.
    const rendering = options.render === "auto" && renderer !== undefined;
    const roots = rendering ? (changed ? graph.affectedRoots([...changed]) : graph.roots()) : [];
    // A build that needs the network is not run: validation works offline. Its local files are checked as they are.
    const offline = new Map();
    for (const root of roots) {
        const remote = graph.remoteOf(root.dir);
        if (remote.length)
            offline.set(root, remote);
    }
    const builds = roots.filter((root) => !offline.has(root));
    // Files a build reads are validated in its output.
    const built = new Set(builds.flatMap((root) => [...graph.inputsOf(root.dir)]));
    const resources = [];
    const builtImages = new Set();
    const checkedFiles = [];
    const environmentOf = environmentMatcher(options.environments ?? []);
    for (const file of files) {
        if (changed && !changed.has(file))
            continue;
        const text = readText(file);
        if (text === undefined)
            continue;
        checkedFiles.push(file);
        const resource = members.resources.has(file);
        // Generator inputs, Helm values, replacement configs: data, whatever they look like.
        if (members.data.has(file) && !resource)
            continue;
        // Go templates (Helm chart templates) are not YAML until rendered; templated string values are placeholders.
        if (text.includes("{{") && !templatedOnlyInStrings(text, loadOrUndefined(text)))
            continue;
        const docs = parse(file);
        // A patch is a fragment: its syntax counts, its completeness never does.
        if (members.kustomizations.has(file) || (members.patches.has(file) && !resource))
            continue;
        if (built.has(file))
            continue;
        const environment = environmentOf(file);
        for (const doc of docs) {
            for (const image of skaffoldArtifacts(doc.object))
                builtImages.add(image);
            for (const resource of toResources(doc, file, listItems)) {
                if (environment)
                    resource.environment = environment;
                resources.push(resource);
            }
        }
    }
    for (const [root, remote] of offline) {
        for (const at of remote) {
            findings.push({
                rule: kustomizeRemoteRule,
                severity: "warning",
                file: at.file,
                ...(positions.locate(at.file, 0, at.path) ?? { line: 1, column: 1 }),
                message: `${root.dir} was not rendered: kustomize would ${at.what} over the network, and validation works offline; its local files were checked as they are`,
            });
        }
    }
    // CRDs committed alongside their custom resources define those kinds too.
    for (const resource of resources) {
        if (resource.id.kind === "CustomResourceDefinition")
            registerCrds([{ object: resource.object, index: 0, line: 1 }], schemas);
    }
    const rendered = [];
    // Strategic-merge patch documents of each build, so a value an overlay sets is located in the overlay.
    const patchesOf = new WeakMap();
    if (rendering && renderer) {
        const results = await mapLimit(builds, options.concurrency ?? 2, async (root) => ({
            root,
            result: await renderer(root.dir),
        }));
        for (const { root, result } of results) {
            rendered.push(root.dir);
            if (!result.ok) {
                findings.push({
                    rule: "kustomize-build",
                    severity: "error",
                    file: root.file,
                    line: 1,
                    column: 1,
                    message: `kustomize build ${root.dir} failed: ${result.error}`,
                });
                continue;
            }
            const patches = patchDocuments(graph, root.dir, parse);
            for (const resource of renderedResources(root, result.output, result.origin, parse)) {
                patchesOf.set(resource, patches);
                // The build is what an environment deploys, wherever its files come from.
                const environment = environmentOf(root.file) ?? environmentOf(resource.file);
                if (environment)
                    resource.environment = environment;
                resources.push(resource);
            }
        }
    }
    const repoRoot = options.repositoryRoot ?? ".";
    const context = {
        kubernetesVersion,
        repoRoot,
        pathExists: (p) => source.exists(external_node_path_default().posix.join(repoRoot, external_node_path_default().posix.normalize(p.replace(/^\/+/, "")))),
        repositoryUrls: options.repositoryUrls,
        productionEnvironments: new Set(options.productionEnvironments ?? []),
        builtImages,
    };
    const raw = [];
    // Kinds without a schema, with the resources of each: reported once per kind, not once per resource.
    const unschematized = new Map();
    for (const resource of resources) {
        checkResource(resource, schemas, settings, strict, kubernetesVersion, rules, context, raw, unschematized);
    }
    for (const group of unschematized.values()) {
        const reportable = group.filter((r) => {
            const ignored = ignoredByAnnotation(r.object);
            return (!ignored?.has(unknownKindRule) &&
                !ignored?.has("all") &&
                settings.severity(unknownKindRule, r.file) !== "off");
        });
        const first = reportable[0];
        if (!first)
            continue;
        const { apiVersion, kind } = first.id;
        const files = [...new Set(reportable.map((r) => r.file))];
        const count = reportable.length === 1
            ? "1 resource"
            : `${reportable.length} resources in ${files.length === 1 ? "1 file" : `${files.length} files`}`;
        const versions = schemas.versionsOf(apiVersion, kind);
        const known = versions.length ? ` (the bundled schemas know ${versions.join(", ")})` : "";
        raw.push({
            rule: unknownKindRule,
            resource: first,
            path: ["kind"],
            message: `no schema for ${apiVersion} ${kind}${known}, so the fields of its ${count} are not checked: point \`crds\` at its CustomResourceDefinition, or list "${kind}" under validate.ignoreKinds`,
        });
    }
    for (const group of deploymentUnits(resources)) {
        for (const rule of rules) {
            if (!rule.checkAll)
                continue;
            for (const v of rule.checkAll(group, context)) {
                const at = v.resource ?? group[0];
                if (at)
                    raw.push({ rule: rule.id, resource: at, path: v.path, message: v.message });
            }
        }
    }
    for (const f of raw) {
        if (ignoredByAnnotation(f.resource.object)?.has(f.rule) ||
            ignoredByAnnotation(f.resource.object)?.has("all"))
            continue;
        const patch = f.path ? patchSetting(patchesOf.get(f.resource), f.resource, f.path) : undefined;
        const at = patch ?? { file: f.resource.file, documentIndex: f.resource.documentIndex };
        const prefix = listItems.get(f.resource);
        const path = prefix ? [...prefix, ...(f.path ?? [])] : f.path;
        const position = positions.locate(at.file, at.documentIndex, path) ?? {
            line: f.resource.line,
            column: 1,
        };
        findings.push({
            rule: f.rule,
            severity: "error",
            file: at.file,
            line: path ? position.line : f.resource.line,
            column: path ? position.column : 1,
            resource: f.resource.id,
            message: f.resource.renderedFrom
                ? `${f.message} (in the build of ${f.resource.renderedFrom})`
                : f.message,
        });
    }
    findings.push(...(source.refusals?.() ?? []).filter((f) => !settings.skipped(f.file)));
    const final = settle(findings, settings);
    return {
        findings: final,
        summary: {
            files: checkedFiles.length,
            resources: resources.length,
            errors: final.filter((f) => f.severity === "error").length,
            warnings: final.filter((f) => f.severity === "warning").length,
        },
        rules,
        files: checkedFiles,
        rendered,
    };
}
const apiCache = new Map();
/** The table lookup once per apiVersion/kind/target, not once per resource. */
function apiStatusOf(apiVersion, kind, kubernetesVersion) {
    const key = `${kubernetesVersion}\0${apiVersion}\0${kind}`;
    let status = apiCache.get(key);
    if (!status) {
        status = apiStatus(apiVersion, kind, kubernetesVersion);
        apiCache.set(key, status);
    }
    return status;
}
function checkResource(resource, schemas, settings, strict, kubernetesVersion, rules, context, out, unschematized) {
    const { apiVersion, kind } = resource.id;
    const api = apiStatusOf(apiVersion, kind, kubernetesVersion);
    if (api.status !== "served") {
        out.push({
            rule: api.status === "removed" ? "removed-api" : "deprecated-api",
            resource,
            path: ["apiVersion"],
            message: api.message,
        });
    }
    // An ignored kind is not schema-checked at all, bundled schema or not: a list written when the kind had no
    // schema must not turn into errors when a release starts to ship one.
    if (settings.ignoresKind(apiVersion, kind)) {
        // nothing to check
    }
    else if (schemas.has(apiVersion, kind)) {
        for (const issue of schemas.check(resource.object, strict)) {
            out.push({ rule: issue.rule, resource, path: issue.path, message: issue.message });
        }
    }
    else if (!isKnownOldApi(apiVersion, kind)) {
        const close = schemas.closeKind(apiVersion, kind);
        if (close) {
            // A kind the API group does not have, next to one it has: a typo the API server would refuse.
            out.push({
                rule: "schema",
                resource,
                path: ["kind"],
                message: `${apiVersion} has no kind "${kind}": did you mean "${close}"?`,
            });
        }
        else {
            const key = `${apiVersion}\0${kind}`;
            const group = unschematized.get(key);
            if (group)
                group.push(resource);
            else
                unschematized.set(key, [resource]);
        }
    }
    for (const rule of rules) {
        if (!rule.checkResource)
            continue;
        for (const v of rule.checkResource(resource, context)) {
            out.push({ rule: rule.id, resource: v.resource ?? resource, path: v.path, message: v.message });
        }
    }
}
/** Applies configured severities and path overrides, drops repeats (a base seen through several builds), sorts. */
function settle(findings, settings) {
    const seen = new Set();
    const out = [];
    for (const finding of findings) {
        const setting = settings.severity(finding.rule, finding.file);
        if (setting === "off")
            continue;
        const key = `${finding.rule}\0${finding.file}\0${finding.line}\0${finding.column}\0${finding.message.replace(/ \(in the build of [^)]*\)$/, "")}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push({ ...finding, severity: setting });
    }
    return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
function engine_isObject(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
/** The resources of a document: itself, or the items of a `v1 List`. */
function toResources(doc, file, listItems) {
    const object = doc.object;
    if (engine_isObject(object) &&
        object.apiVersion === "v1" &&
        object.kind === "List" &&
        Array.isArray(object.items)) {
        const out = [];
        object.items.forEach((item, i) => {
            const resource = toResource({ object: item, index: doc.index, line: doc.line }, file);
            if (!resource)
                return;
            listItems.set(resource, ["items", i]);
            out.push(resource);
        });
        return out;
    }
    const resource = toResource(doc, file);
    return resource ? [resource] : [];
}
/** A document that names an apiVersion and a kind; anything else (Helm values, tool config) is not a resource. */
function toResource(doc, file) {
    const object = doc.object;
    if (!engine_isObject(object) || typeof object.apiVersion !== "string" || typeof object.kind !== "string")
        return undefined;
    // kustomize's own configuration and other tools' files share the layout of resources but never reach a cluster.
    if (!isClusterApi(object.apiVersion, object.kind))
        return undefined;
    return new FileResource(idOf(object), object, file, doc);
}
/** A resource read straight from a file; its start line is looked up only when a finding needs it. */
class FileResource {
    id;
    object;
    file;
    doc;
    environment;
    documentIndex;
    constructor(id, object, file, doc) {
        this.id = id;
        this.object = object;
        this.file = file;
        this.doc = doc;
        this.documentIndex = doc.index;
    }
    get line() {
        return this.doc.line;
    }
}
function idOf(object) {
    const metadata = engine_isObject(object.metadata) ? object.metadata : {};
    const id = {
        apiVersion: String(object.apiVersion),
        kind: String(object.kind),
        name: typeof metadata.name === "string" ? metadata.name : "",
    };
    if (typeof metadata.namespace === "string")
        id.namespace = metadata.namespace;
    return id;
}
/**
 * Resources of one build, each traced back to the document it came from: kustomize's origin annotation names the
 * file (or, for generated objects, the kustomization that configured them), and the document is the one of the
 * same kind whose name the rendered name contains (prefixes and suffixes are kustomize's doing).
 */
function renderedResources(root, output, resolve, parse) {
    const resources = [];
    const objects = [];
    loadAll(output, (doc) => {
        objects.push(doc);
    });
    for (const object of objects) {
        if (!engine_isObject(object) || typeof object.apiVersion !== "string" || typeof object.kind !== "string")
            continue;
        const metadata = engine_isObject(object.metadata) ? object.metadata : undefined;
        const annotations = metadata && engine_isObject(metadata.annotations) ? metadata.annotations : undefined;
        let origin = {};
        if (annotations && typeof annotations[originAnnotation] === "string") {
            try {
                origin = load(annotations[originAnnotation]) ?? {};
            }
            catch {
                origin = {};
            }
            delete annotations[originAnnotation];
            if (Object.keys(annotations).length === 0 && metadata)
                delete metadata.annotations;
        }
        const id = idOf(object);
        const from = origin.path ?? origin.configuredIn;
        let file = from ? resolve(from) : root.file;
        let documentIndex = 0;
        let line = 1;
        const docs = origin.path ? parse(file) : [];
        if (origin.path && docs.length === 0)
            file = root.file;
        const match = bestMatch(docs, id);
        if (match) {
            documentIndex = match.index;
            line = match.line;
        }
        resources.push({ id, object, file, line, documentIndex, renderedFrom: root.dir });
    }
    return resources;
}
/** Patch documents a build applies, the root's own first: the last kustomization to set a value wins. */
function patchDocuments(graph, rootDir, parse) {
    const out = [];
    const seen = new Set();
    const visit = (dir) => {
        if (seen.has(dir))
            return;
        seen.add(dir);
        const k = graph.get(dir);
        if (!k)
            return;
        for (const file of k.patchFiles) {
            for (const doc of parse(file))
                if (engine_isObject(doc.object) && typeof doc.object.kind === "string")
                    out.push({ file, doc });
        }
        for (const d of k.dirs)
            visit(d);
    };
    visit(rootDir);
    return out;
}
/** The patch document that sets the value at `path` of a rendered resource, when one does. */
function patchSetting(patches, resource, path) {
    if (!patches?.length)
        return undefined;
    const rendered = valueAt(resource.object, path);
    for (const { file, doc } of patches) {
        const object = doc.object;
        const metadata = engine_isObject(object.metadata) ? object.metadata : {};
        const name = typeof metadata.name === "string" ? metadata.name : "";
        if (object.kind !== resource.id.kind || name === "" || !resource.id.name.includes(name))
            continue;
        const value = valueAt(object, path);
        // Lists merge by key, so an index into the rendered object need not match the patch's: compare values.
        const same = value === rendered ||
            (typeof value === "object" && value !== null && !path.some((s) => typeof s === "number"));
        if (value !== undefined && same)
            return { file, documentIndex: doc.index };
    }
    return undefined;
}
function valueAt(object, path) {
    let node = object;
    for (const segment of path) {
        if (node === null || typeof node !== "object")
            return undefined;
        node = node[segment];
    }
    return node;
}
function bestMatch(docs, id) {
    const sameKind = docs.filter((d) => engine_isObject(d.object) && d.object.kind === id.kind);
    const nameOf = (d) => {
        const m = d.object.metadata;
        return engine_isObject(m) && typeof m.name === "string" ? m.name : "";
    };
    return (sameKind.find((d) => nameOf(d) === id.name) ??
        sameKind.find((d) => nameOf(d) !== "" && id.name.includes(nameOf(d))) ??
        sameKind[0] ??
        docs[0]);
}
function registerCrds(docs, schemas) {
    for (const doc of docs) {
        const crd = doc.object;
        if (!engine_isObject(crd) || crd.kind !== "CustomResourceDefinition" || !engine_isObject(crd.spec))
            continue;
        const spec = crd.spec;
        const group = typeof spec.group === "string" ? spec.group : "";
        const kind = engine_isObject(spec.names) && typeof spec.names.kind === "string" ? spec.names.kind : undefined;
        if (!kind || !Array.isArray(spec.versions))
            continue;
        for (const version of spec.versions) {
            if (!engine_isObject(version) || typeof version.name !== "string")
                continue;
            const schema = engine_isObject(version.schema) ? version.schema.openAPIV3Schema : undefined;
            schemas.addOpenApi(`${group}/${version.name}`, kind, schema ?? { "x-kubernetes-preserve-unknown-fields": true });
        }
    }
}
/**
 * Resources that are applied together — one kustomize build, or one directory of plain manifests — are what
 * cross-resource rules (duplicates, selectors, services) compare; two overlays legitimately define the same names.
 */
function deploymentUnits(resources) {
    const groups = new Map();
    for (const resource of resources) {
        const key = resource.renderedFrom
            ? `build:${resource.renderedFrom}`
            : `dir:${external_node_path_default().posix.dirname(resource.file)}`;
        const group = groups.get(key);
        if (group)
            group.push(resource);
        else
            groups.set(key, [resource]);
    }
    return [...groups.values()];
}
function environmentMatcher(environments) {
    const matchers = environments.flatMap((env) => env.paths.map((p) => {
        const pattern = external_node_path_default().posix.normalize(p).replace(/\/+$/, "");
        // A pattern names files or directories: a directory's pattern covers everything under it.
        const glob = picomatch_default()([pattern, `${pattern}/**`], { dot: true });
        return {
            name: env.name,
            test: (file) => pattern === "." || file === pattern || file.startsWith(`${pattern}/`) || glob(file),
        };
    }));
    return (file) => matchers.find((m) => m.test(file))?.name;
}
/**
 * Files to check under the given paths: YAML files and kustomization files, dot-directories skipped; with `names`,
 * only files of those names.
 */
function collectFiles(paths, source, names) {
    const out = new Set();
    const wanted = (name) => names ? names.includes(name) : yamlFile.test(name) || name === "Kustomization";
    const walk = (dir) => {
        for (const entry of source.list(dir)) {
            if (entry.name.startsWith(".") || entry.name === "node_modules")
                continue;
            const full = dir === "." ? entry.name : `${dir}/${entry.name}`;
            if (entry.dir)
                walk(full);
            else if (wanted(entry.name))
                out.add(full);
        }
    };
    for (const raw of paths.length ? paths : ["."]) {
        const p = external_node_path_default().posix.normalize(raw.replace(/\\/g, "/")).replace(/\/+$/, "") || ".";
        if (source.isDir(p))
            walk(p);
        else if (source.exists(p))
            out.add(p);
        else
            throw new errors_UserError(`path not found: ${raw}`, {
                hint: "Give files or directories of the config repository.",
            });
    }
    return [...out].sort();
}
function loadOrUndefined(text) {
    try {
        return load_loadDocuments(text);
    }
    catch {
        return undefined;
    }
}
function readKustomizations(files, source) {
    const out = [];
    for (const file of files) {
        if (!kustomizationNames.includes(external_node_path_default().posix.basename(file)))
            continue;
        out.push(parseKustomization(file, source.read(file) ?? "", (p) => source.isDir(p)));
    }
    return out;
}
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            results[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}

;// CONCATENATED MODULE: ./src/validate/run.ts








/** A config file that cannot be read or understood: the CLI exits 2 on it, like on bad usage. */
class ConfigFileError extends errors_UserError {
}
/** A path given to check (or a CRD file) that does not exist or lies outside the workspace: bad usage too. */
class PathError extends errors_UserError {
}
const run_TOP_LEVEL = ["environments", "promotion", "validate"];
/**
 * What validation needs from gitops-pipeline.yaml: the `validate:` section, and which paths belong to which
 * environment. A file with only a `validate:` section is complete for validation; environments are the concern of
 * updates and promotions. Production rules apply to the environments `validate.production` names, else to the last
 * of the promotion order when there is an order (two environments or more): a lone environment is not production
 * just for being defined.
 */
function readPipelineConfig(text, file) {
    const fail = (error) => {
        if (error instanceof errors_UserError) {
            const where = error.location.line
                ? error.location
                : { file, line: (error.location.line ?? 0) || undefined };
            throw new ConfigFileError(error.message, { ...where, file, hint: error.hint });
        }
        throw error;
    };
    const known = rules_rules.map((r) => r.id);
    const validateOnly = validateSectionOnly(text, file);
    if (validateOnly !== undefined) {
        try {
            const validate = parseValidateConfig(validateOnly.section, file, known);
            if (validate.production?.length) {
                throw new errors_UserError(`validate: production names ${validate.production[0]}, which is not an environment`, {
                    file,
                    hint: "Define it under `environments:`, or leave production out.",
                });
            }
            return { validate, environments: [], productionEnvironments: [] };
        }
        catch (error) {
            return fail(error);
        }
    }
    try {
        const config = loadConfig(text, file);
        const validate = parseValidateConfig(config.validate, file, known);
        const names = config.environments.map((e) => e.name);
        for (const name of validate.production ?? []) {
            if (!names.includes(name))
                throw new errors_UserError(`validate: production names ${JSON.stringify(name)}, which is not an environment`, {
                    file,
                    line: config.validateLine,
                    hint: `Environments: ${names.join(", ")}.`,
                });
        }
        const last = config.promotion.length >= 2 ? config.promotion[config.promotion.length - 1] : undefined;
        return {
            validate,
            environments: config.environments.map((e) => ({ name: e.name, paths: e.paths })),
            productionEnvironments: validate.production ?? (last ? [last] : []),
        };
    }
    catch (error) {
        return fail(error);
    }
}
/**
 * The `validate:` section of a file that defines no environments; undefined when the file has environments (or
 * is not a plain mapping), which the full configuration reader then checks and explains.
 */
function validateSectionOnly(text, file) {
    const doc = (0,dist/* parseDocument */.Tp)(text);
    if (doc.errors.length > 0 || !(0,dist/* isMap */.jh)(doc.contents))
        return undefined;
    const keys = doc.contents.items.map((pair) => String(pair.key?.value ?? pair.key));
    if (keys.includes("environments"))
        return undefined;
    const unknown = keys.find((key) => !run_TOP_LEVEL.includes(key));
    if (unknown !== undefined || keys.includes("promotion"))
        return undefined;
    try {
        return { section: doc.toJS({ maxAliasCount: 100 })?.validate };
    }
    catch (error) {
        throw new ConfigFileError(`cannot read the configuration: ${error.message}`, {
            file,
            hint: "Write the validate section without YAML aliases.",
        });
    }
}
/** The path as the user wrote it, or `.`, for messages. */
const shown = (p) => p || ".";
/**
 * Checks a path given by the user (a `paths` entry, a CRD file, the config file) against the workspace: it must
 * exist, and neither it nor a link on the way may lead outside.
 */
function checkGivenPath(source, inputs, given, what, make) {
    if (source.exists(given))
        return;
    const lexical = external_node_path_default().relative(external_node_path_default().resolve(inputs.root), external_node_path_default().resolve(inputs.cwd, given));
    const hint = `Everything validation reads must lie inside the workspace (${inputs.root}).`;
    if (lexical === ".." || lexical.startsWith(`..${(external_node_path_default()).sep}`) || external_node_path_default().isAbsolute(lexical)) {
        throw make(`${what} ${shown(given)} is outside the workspace`, hint);
    }
    const normal = external_node_path_default().posix.normalize(given.replace(/\\/g, "/"));
    const link = source.refusals().find((f) => normal === f.file || normal.startsWith(`${f.file}/`));
    if (link)
        throw make(`${what} ${shown(given)} leads outside the workspace through the link ${link.file}`, hint);
}
async function runValidation(inputs, readFile) {
    const root = inputs.root ?? inputs.cwd;
    const source = localSource(inputs.cwd, root);
    const bounds = { cwd: inputs.cwd, root };
    // The configuration of the directory run in, else of the workspace (which is where it lives in a repository).
    const configFile = inputs.configFile ??
        (source.exists("gitops-pipeline.yaml") || external_node_path_default().resolve(inputs.cwd) === external_node_path_default().resolve(root)
            ? "gitops-pipeline.yaml"
            : external_node_path_default().relative(inputs.cwd, external_node_path_default().join(root, "gitops-pipeline.yaml")).split((external_node_path_default()).sep).join("/"));
    if (inputs.configFile) {
        checkGivenPath(source, bounds, inputs.configFile, "the config file", (m, hint) => new ConfigFileError(m, { hint }));
    }
    const configReal = source.realPath(configFile);
    const text = configReal === undefined ? undefined : readFile(configReal);
    if (text === undefined && inputs.configFile) {
        throw new ConfigFileError(`cannot read the config file ${inputs.configFile}`, {
            hint: "Pass an existing gitops-pipeline.yaml, or leave the option out to use the defaults.",
        });
    }
    const config = text === undefined
        ? { validate: emptyValidateConfig, environments: [], productionEnvironments: [] }
        : readPipelineConfig(text, configFile);
    for (const crd of inputs.crds) {
        checkGivenPath(source, bounds, crd, "the CRD file", (m, hint) => new PathError(m, { hint }));
        if (!source.exists(crd))
            throw new PathError(`CRD file not found: ${crd}`, {
                hint: "`crds` takes files of CustomResourceDefinitions.",
            });
    }
    const paths = inputs.paths.length ? inputs.paths : ["."];
    for (const p of paths) {
        checkGivenPath(source, bounds, p, "path", (m, hint) => new PathError(m, { hint }));
    }
    const files = uniqueFiles(collectFiles(paths, source), source);
    let renderer;
    if (inputs.render === "auto") {
        const tool = await findKustomize();
        if (!tool) {
            throw new errors_UserError("neither kustomize nor kubectl is on PATH, so kustomizations cannot be rendered", {
                hint: "Install kubectl or kustomize, or set render to never.",
            });
        }
        renderer = kustomizeRenderer(inputs.cwd, tool, source);
    }
    const repositoryUrls = [...(inputs.repositoryUrls ?? []), ...(await repositoryUrlsFromGit(root))];
    const repositoryRoot = external_node_path_default().relative(external_node_path_default().resolve(inputs.cwd), external_node_path_default().resolve(root))
        .split((external_node_path_default()).sep)
        .join("/");
    const report = await validateManifests({
        paths,
        files,
        kubernetesVersion: inputs.kubernetesVersion,
        strict: inputs.strict,
        render: inputs.render,
        changedFiles: inputs.changedFiles,
        config: config.validate,
        crdFiles: inputs.crds,
        environments: config.environments,
        productionEnvironments: config.productionEnvironments,
        repositoryRoot: repositoryRoot || ".",
        repositoryUrls,
    }, source, renderer);
    return { ...report, productionEnvironments: config.productionEnvironments };
}
/**
 * One path per file: a file reached both directly and through a link (or through two links) is checked once, under
 * its direct path when there is one, else under the first name found.
 */
function uniqueFiles(files, source) {
    const byReal = new Map();
    for (const file of files) {
        const real = source.realPath(file);
        if (real === undefined)
            continue;
        const seen = byReal.get(real);
        if (seen === undefined || (!source.isDirect(seen) && source.isDirect(file)))
            byReal.set(real, file);
    }
    const keep = new Set(byReal.values());
    return files.filter((file) => keep.has(file));
}
/** Says which environments production rules hold to, so defining environments never changes them unannounced. */
function productionNote(environments) {
    if (environments.length === 0)
        return undefined;
    const names = environments.map((e) => JSON.stringify(e)).join(", ");
    return `mutable-tag and argocd-sync-policy apply to production environment ${names} (set validate.production in gitops-pipeline.yaml to choose others, or [] for none)`;
}
function failed(report, failOn) {
    if (failOn === "never")
        return false;
    return report.summary.errors > 0 || (failOn === "warning" && report.summary.warnings > 0);
}

;// CONCATENATED MODULE: ./src/actions/workflow.ts



const workflow_escapeData = (text) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const workflow_escapeProperty = (text) => workflow_escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
const commandValue = (value) => value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
function issue(command, message, properties = {}) {
    const props = Object.entries(properties)
        .filter(([, value]) => value !== undefined && value !== "" && value !== 0)
        .map(([key, value]) => `${key}=${workflow_escapeProperty(commandValue(value))}`)
        .join(",");
    process.stdout.write(`::${command}${props ? ` ${props}` : ""}::${workflow_escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
function annotation(command, message, properties = {}) {
    issue(command, message, {
        title: properties.title,
        file: properties.file,
        line: properties.startLine,
        endLine: properties.endLine,
        col: properties.startColumn,
        endColumn: properties.endColumn,
    });
}
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function getMultilineInput(name) {
    return getInput(name)
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "");
}
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    const text = commandValue(value);
    if (!file) {
        process.stdout.write(external_node_os_namespaceObject.EOL);
        issue("set-output", text, { name });
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
    // A value holding the delimiter could end the block early and set outputs of its own choosing.
    if (name.includes(delimiter) || text.includes(delimiter))
        throw new Error("output value contains its delimiter");
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${text}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, "utf8");
}
function setSecret(secret) {
    issue("add-mask", secret);
}
const isDebug = () => process.env.RUNNER_DEBUG === "1";
function info(message) {
    process.stdout.write(`${message}${external_node_os_namespaceObject.EOL}`);
}
function debug(message) {
    issue("debug", message);
}
function notice(message, properties) {
    annotation("notice", message, properties);
}
function warning(message, properties) {
    annotation("warning", message, properties);
}
function error(message, properties) {
    annotation("error", message, properties);
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** Appends markdown to the job summary; false when the runner names no summary file. */
function appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (!file)
        return false;
    (0,external_node_fs_namespaceObject.appendFileSync)(file, markdown, "utf8");
    return true;
}

;// CONCATENATED MODULE: ./src/actions/runtime.ts



/**
 * The runner reads `::command::` at the start of any (trimmed) line and `##[command]` anywhere in a line. Text that
 * comes from a repository, an event or a registry could carry either, so such text is fenced with a one-time
 * stop-commands token the text cannot know.
 */
const COMMAND_LIKE = /::|##\[/;
/** Writes text to the log as plain text, never as workflow commands, however it was made. */
function logInfo(text) {
    if (!COMMAND_LIKE.test(text)) {
        info(text);
        return;
    }
    const token = (0,external_node_crypto_namespaceObject.randomUUID)();
    info(`::stop-commands::${token}`);
    info(text);
    info(`::${token}::`);
}
/** Logger for the core; info goes through the fence, while debug and warning escape their data themselves. */
const actionsLogger = {
    debug: (message) => debug(message),
    info: logInfo,
    warning: (message) => warning(message),
};
/**
 * Appends to the job summary when the runner provides one. The summary is a report of work already done, so failing
 * to write it warns and never fails the step (act and other runners have no summary file).
 */
async function writeSummary(markdown) {
    if (markdown === "")
        return;
    try {
        appendSummary(markdown);
    }
    catch (error) {
        warning(`could not write the job summary: ${error.message}`);
    }
}
function getString(name, fallback = "") {
    return getInput(name) || fallback;
}
/**
 * A newline- or comma-separated input as a list; blank entries and whole-line `#` comments are dropped. A `#` inside
 * an entry is kept: labels such as `priority #1` are values, not comments.
 */
function getList(name) {
    return getInput(name)
        .split(/\r?\n|,/)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== "" && !entry.startsWith("#"));
}
function getBoolean(name, fallback) {
    const raw = getInput(name).trim().toLowerCase();
    if (raw === "")
        return fallback;
    if (["true", "yes", "1", "on"].includes(raw))
        return true;
    if (["false", "no", "0", "off"].includes(raw))
        return false;
    throw new errors_UserError(`input '${name}' must be true or false, got ${JSON.stringify(raw)}`);
}
function getChoice(name, choices, fallback) {
    const raw = getInput(name).trim();
    if (raw === "")
        return fallback;
    if (choices.includes(raw))
        return raw;
    throw new errors_UserError(`input '${name}' must be one of ${choices.join(", ")}, got ${JSON.stringify(raw)}`);
}
/** A secret input, masked in logs before anything else can print it. */
function getSecret(name) {
    const value = core.getInput(name);
    if (value)
        core.setSecret(value);
    return value;
}
/**
 * Runs an action body: user mistakes become one failed-step message; anything else also keeps its stack in the
 * debug log, where a maintainer can find it without alarming the user.
 */
async function runAction(body) {
    try {
        await body();
    }
    catch (error) {
        if (errors_isUserError(error)) {
            setFailed(error.format());
            return;
        }
        const err = error;
        debug(err?.stack ?? String(error));
        setFailed(err?.message ?? String(error));
    }
}

;// CONCATENATED MODULE: ./src/actions/validate-manifests.ts









const readText = (file) => {
    try {
        return (0,external_node_fs_namespaceObject.readFileSync)(file, "utf8");
    }
    catch {
        return undefined;
    }
};
/**
 * Base and head of the pull request this run is for, from the event payload; undefined for other events. Only full
 * object ids are used: anything else (an option-like `--output=…`, a ref name) is reported as invalid, and the
 * caller checks everything, which never checks less than a correct range would.
 */
function pullRequestRange() {
    const eventPath = process.env.GITHUB_EVENT_PATH;
    if (!eventPath)
        return undefined;
    const text = readText(eventPath);
    if (!text)
        return undefined;
    let event;
    try {
        event = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const pr = event?.pull_request;
    if (!pr)
        return undefined;
    const base = pr.base?.sha;
    const head = pr.head?.sha;
    if (base === undefined && head === undefined)
        return undefined;
    for (const [name, value] of [
        ["base", base],
        ["head", head],
    ]) {
        if (!isObjectId(value)) {
            const shown = JSON.stringify(typeof value === "string" ? value.slice(0, 80) : (value ?? null));
            return { invalid: `pull_request.${name}.sha of the event is not a commit id (${shown})` };
        }
    }
    return { base: base, head: head };
}
/** This repository's clone URL as the runner names it, so Argo CD sources pointing here are recognised. */
function repositoryUrlsOfRun() {
    const server = process.env.GITHUB_SERVER_URL;
    const repository = process.env.GITHUB_REPOSITORY;
    const urls = getList("repository-url");
    if (server && repository && /^[\w.-]+\/[\w.-]+$/.test(repository))
        urls.push(`${server.replace(/\/+$/, "")}/${repository}`);
    return urls;
}
/** The action's body; the bundle's entry calls it, and so can `@github/local-action`. */
function validate_manifests_run() {
    return runAction(async () => {
        const cwd = process.env.GITHUB_WORKSPACE || process.cwd();
        const failOn = getChoice("fail-on", ["error", "warning", "never"], "error");
        const pr = pullRequestRange();
        const changedOnly = getBoolean("changed-only", pr !== undefined);
        let changedFiles;
        if (changedOnly) {
            if (!pr) {
                logInfo("changed-only applies to pull_request events; this is not one, so everything is checked");
            }
            else if ("invalid" in pr) {
                warning(`${pr.invalid}; checking everything.`);
            }
            else {
                changedFiles = await changedFilesFromGit(cwd, pr.base, pr.head);
                if (changedFiles === undefined) {
                    warning(`cannot diff ${pr.base.slice(0, 12)}...${pr.head.slice(0, 12)} (shallow clone?); checking everything. Use actions/checkout with fetch-depth: 0 to check only what the pull request changes.`);
                }
                else
                    logInfo(`changed-only: ${changedFiles.length} changed file(s)`);
            }
        }
        const report = await runValidation({
            cwd,
            root: cwd,
            paths: getList("paths"),
            kubernetesVersion: getString("kubernetes-version") || undefined,
            strict: getString("strict") === "" ? undefined : getBoolean("strict", false),
            render: getChoice("render", ["auto", "never"], "auto"),
            configFile: getString("config") || undefined,
            crds: getList("crds"),
            changedFiles,
            repositoryUrls: repositoryUrlsOfRun(),
        }, readText);
        const note = productionNote(report.productionEnvironments);
        if (note)
            logInfo(note);
        const { shown, hidden } = getBoolean("annotations", true)
            ? annotated(report.findings)
            : { shown: [], hidden: 0 };
        for (const f of shown) {
            const properties = { file: f.file, startLine: f.line, startColumn: f.column, title: f.rule };
            const message = resourceName(f) ? `${resourceName(f)}: ${f.message}` : f.message;
            if (f.severity === "error")
                error(message, properties);
            else
                warning(message, properties);
        }
        logInfo(formatReport(report, "text").trimEnd());
        // Outside a runner, a private directory: a fixed name in a shared /tmp could be a link someone else planted.
        const outDir = process.env.RUNNER_TEMP || (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_default().join((0,external_node_os_namespaceObject.tmpdir)(), "validate-manifests-"));
        const reportFile = external_node_path_default().join(outDir, "validate-manifests.json");
        (0,external_node_fs_namespaceObject.writeFileSync)(reportFile, `${JSON.stringify(toJson(report), null, 2)}\n`);
        const sarifInput = getString("sarif-file");
        const sarif = formatReport(report, "sarif");
        let sarifFile;
        if (sarifInput) {
            const roots = process.env.RUNNER_TEMP ? [cwd, process.env.RUNNER_TEMP] : [cwd];
            sarifFile = writeInsideWorkspace(roots, sarifInput, sarif, (message, hint) => new errors_UserError(`sarif-file: ${message}`, { hint }));
        }
        else {
            sarifFile = external_node_path_default().join(outDir, "validate-manifests.sarif");
            (0,external_node_fs_namespaceObject.writeFileSync)(sarifFile, sarif);
        }
        // Runners without job summaries (act, other CI systems) still get the log and the report files.
        await writeSummary(toMarkdown(report, { hiddenAnnotations: hidden }));
        setOutput("errors", report.summary.errors);
        setOutput("warnings", report.summary.warnings);
        setOutput("files", report.summary.files);
        setOutput("resources", report.summary.resources);
        setOutput("report-file", reportFile);
        setOutput("sarif-file", sarifFile);
        if (failed(report, failOn)) {
            const { errors, warnings } = report.summary;
            setFailed(`validate-manifests: ${errors} error(s), ${warnings} warning(s) (fail-on: ${failOn}); see the job summary`);
        }
    });
}


/***/ }),

/***/ 2588:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _actions_validate_manifests_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8520);

await (0,_actions_validate_manifests_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
exports.tO = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
exports.hR = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(2588);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
