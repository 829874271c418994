// A text box with a list of suggestions under it (the ARIA 1.2 combobox with a listbox
// popup): the province, the tags, the article a link points to. What is typed is
// folded (no tone marks) before it is compared, so "dak lak" finds Đắk Lắk.
//
// `choices()` gives `{value, text, keys}` objects, `keys` already folded; `pick` takes the
// one chosen, `typed` (if given) what Enter was pressed on without a choice. Arrow keys move
// through the suggestions, Enter picks, Escape closes, a click picks too.

import { el, fold } from "./common.js";

const SHOWN = 12;

export function combobox(input, { choices, pick, typed, empty }) {
  const list = document.getElementById(input.getAttribute("aria-controls"));
  let shown = [];
  let active = -1;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function mark(index) {
    active = index;
    [...list.children].forEach((option, at) =>
      option.setAttribute("aria-selected", at === index ? "true" : "false"),
    );
    if (index >= 0 && list.children[index]) {
      input.setAttribute("aria-activedescendant", list.children[index].id);
      list.children[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function choose(choice) {
    close();
    pick(choice);
  }

  function open() {
    const words = fold(input.value);
    const all = choices();
    shown = (words ? all.filter((c) => c.keys.some((key) => key.includes(words))) : all)
      // A key that starts with what was typed comes before one that only contains it.
      .map((c, order) => [c.keys.some((key) => key.startsWith(words)) ? 0 : 1, order, c])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .slice(0, SHOWN)
      .map(([, , c]) => c);
    const options = shown.map((choice, index) =>
      el(
        "li",
        {
          id: `${list.id}-${index}`,
          role: "option",
          "aria-selected": "false",
          onmousedown: (event) => event.preventDefault(),
          onclick: () => choose(choice),
        },
        choice.text,
      ),
    );
    if (!options.length && empty && words) {
      options.push(el("li", { class: "empty", role: "option", "aria-disabled": "true" }, empty));
    }
    list.replaceChildren(...options);
    list.hidden = options.length === 0;
    input.setAttribute("aria-expanded", options.length ? "true" : "false");
    mark(shown.length && words ? 0 : -1);
  }

  input.addEventListener("input", open);
  input.addEventListener("focus", () => {
    if (input.value) {
      open();
    }
  });
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (list.hidden) {
        open();
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      if (shown.length) {
        mark((active + step + shown.length) % shown.length);
      }
    } else if (event.key === "Enter") {
      if (!list.hidden && active >= 0 && shown[active]) {
        event.preventDefault();
        choose(shown[active]);
      } else if (typed && input.value.trim()) {
        event.preventDefault();
        close();
        typed(input.value.trim());
      }
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  });
  return { close };
}
