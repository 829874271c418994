// The text's toolbar: Markdown written for the officer at the cursor (a heading, bold, a
// list, a table), a link to another article picked from the list (`@/…`, which the build
// checks), a photo uploaded beside the article with its alt text and caption, and the
// video and document shortcodes.

import { combobox } from "./combobox.js";
import { fold, labels, showDate } from "./common.js";

const $ = (id) => document.getElementById(id);

// `text` in place of the selection, with `from`..`to` of it selected afterwards, as if
// typed: the input event refreshes the preview and marks the form changed.
function put(body, text, from = text.length, to = from) {
  const start = body.selectionStart;
  body.setRangeText(text, start, body.selectionEnd, "end");
  body.setSelectionRange(start + from, start + to);
  body.focus();
  body.dispatchEvent(new Event("input", { bubbles: true }));
}

function selected(body) {
  return body.value.slice(body.selectionStart, body.selectionEnd);
}

// A block starts on a line of its own, after a blank line.
function blockBefore(body) {
  const before = body.value.slice(0, body.selectionStart);
  if (before === "" || before.endsWith("\n\n")) {
    return "";
  }
  return before.endsWith("\n") ? "\n" : "\n\n";
}

function lines(body, prefix, empty) {
  const start = body.value.lastIndexOf("\n", body.selectionStart - 1) + 1;
  body.setSelectionRange(start, body.selectionEnd);
  const text = selected(body) || empty;
  const written = text
    .split("\n")
    .map((line) => prefix + line)
    .join("\n");
  if (selected(body)) {
    put(body, written);
  } else {
    put(body, written, prefix.length, written.length);
  }
}

const tools = {
  heading: (body) => lines(body, "## ", labels.heading_text),
  bold: (body) => {
    const text = selected(body) || labels.bold_text;
    put(body, `**${text}**`, 2, 2 + text.length);
  },
  list: (body) => lines(body, "- ", labels.list_item),
  table: (body) => {
    const head = `| ${labels.table_column} 1 | ${labels.table_column} 2 |`;
    const cell = `| ${labels.table_cell} | ${labels.table_cell} |`;
    const lead = blockBefore(body);
    put(body, `${lead}${head}\n| --- | --- |\n${cell}\n`, lead.length + 2, lead.length + head.indexOf(" |"));
  },
};

// A dialog whose form is checked by `accept` (which shows its own problems and answers
// false to keep the dialog open) before `done` runs.
function dialog(id, { open, accept, done }) {
  const box = $(id);
  const form = box.querySelector("form");
  form.addEventListener("submit", async (event) => {
    if (event.submitter?.value !== "insert") {
      return;
    }
    event.preventDefault();
    for (const problem of box.querySelectorAll(".problem")) {
      problem.textContent = "";
    }
    for (const field of box.querySelectorAll("[aria-invalid]")) {
      field.removeAttribute("aria-invalid");
    }
    if (await accept()) {
      box.close();
      done();
    }
  });
  return () => {
    form.reset();
    for (const problem of box.querySelectorAll(".problem")) {
      problem.textContent = "";
    }
    open?.();
    box.showModal();
  };
}

function refuse(field, message) {
  $(`${field.id}-problem`).textContent = message;
  field.setAttribute("aria-invalid", "true");
  field.focus();
  return false;
}

// The id of a YouTube video from its address or the id itself.
function videoId(text) {
  const value = text.trim();
  const m =
    /^[\w-]{11}$/.exec(value) ||
    /(?:youtube(?:-nocookie)?\.com\/(?:watch\?(?:.*&)?v=|embed\/|shorts\/|live\/)|youtu\.be\/)([\w-]{11})/.exec(value);
  return m ? m[1] || m[0] : null;
}

const quote = (text) => text.replace(/\\/g, "\\\\").replace(/"/g, '\\"');

export function toolbar({ body, articles, upload }) {
  let selection = [0, 0];
  const back = () => {
    body.focus();
    body.setSelectionRange(...selection);
  };

  let linked = null;
  const linkSearch = $("d-link-search");
  const linkText = $("d-link-text");
  // Folded once: a site of ten thousand articles is searched at every keystroke.
  let linkable;
  combobox(linkSearch, {
    choices: () =>
      (linkable ??= articles().map((a) => ({
        value: a,
        text: a.date ? `${a.title} (${showDate(a.date.slice(0, 10))})` : a.title,
        keys: [fold(a.title || ""), a.link],
      }))),
    pick: (choice) => {
      linked = choice.value;
      linkSearch.value = choice.value.title;
      if (!linkText.value.trim()) {
        linkText.value = choice.value.title;
      }
    },
  });
  linkSearch.addEventListener("input", () => {
    linked = null;
  });

  const photo = { file: $("d-photo-file"), alt: $("d-photo-alt"), caption: $("d-photo-caption") };
  let photoSrc = "";
  const documentFile = $("d-document-file");
  let documentSrc = "";
  const video = $("d-video-id");

  const dialogs = {
    link: dialog("d-link", {
      open: () => {
        linked = null;
        linkText.value = selected(body);
      },
      accept: () => (linked ? true : refuse(linkSearch, labels.link_pick)),
      done: () => {
        back();
        put(body, `[${linkText.value.trim() || linked.title}](${linked.link})`);
      },
    }),
    photo: dialog("d-photo", {
      accept: async () => {
        if (!photo.file.files[0]) {
          return refuse(photo.file, labels.need_file);
        }
        if (!photo.alt.value.trim()) {
          return refuse(photo.alt, labels.image_alt_required);
        }
        try {
          photoSrc = (await upload(photo.file.files[0])).src;
          return true;
        } catch (error) {
          return refuse(photo.file, error.message);
        }
      },
      done: () => {
        back();
        const caption = photo.caption.value.trim();
        const title = caption ? ` "${quote(caption)}"` : "";
        put(body, `${blockBefore(body)}![${photo.alt.value.trim()}](${photoSrc}${title})\n`);
      },
    }),
    video: dialog("d-video", {
      accept: () => (videoId(video.value) ? true : refuse(video, labels.video_id_invalid)),
      done: () => {
        back();
        put(body, `${blockBefore(body)}{{ youtube(id="${videoId(video.value)}") }}\n`);
      },
    }),
    document: dialog("d-document", {
      accept: async () => {
        if (!documentFile.files[0]) {
          return refuse(documentFile, labels.need_file);
        }
        try {
          documentSrc = (await upload(documentFile.files[0])).src;
          return true;
        } catch (error) {
          return refuse(documentFile, error.message);
        }
      },
      done: () => {
        back();
        put(body, `${blockBefore(body)}{{ document(src="${quote(documentSrc)}") }}\n`);
      },
    }),
  };

  for (const button of document.querySelectorAll("[data-tool]")) {
    button.addEventListener("click", () => {
      selection = [body.selectionStart, body.selectionEnd];
      const name = button.dataset.tool;
      if (tools[name]) {
        back();
        tools[name](body);
      } else {
        dialogs[name]();
      }
    });
  }
}
